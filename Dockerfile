# Portico image: the SPA is built in a Node stage, the backend runs `portico` on python:3.11-slim.
# Used by docker-compose.yml for both the `app` and the `worker` services.

FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY schema.graphql /src/schema.graphql
COPY frontend/ ./
# `npm run build` checks the generated operations against ../schema.graphql, type-checks, then runs Vite.
RUN npm run build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/var/lib/portico
# DejaVu: the quote acceptance certificate embeds it so any name prints as typed (portico/quotes/certificate.py).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --user-group --home-dir /app --no-create-home portico \
    && mkdir -p /app /var/lib/portico \
    && chown portico:portico /var/lib/portico
WORKDIR /app
COPY backend/ backend/
# Installed in place (editable): portico serves the SPA from ../frontend/dist relative to the package, i.e.
# /app/frontend/dist.
RUN pip install -e ./backend
COPY --from=spa /src/frontend/dist frontend/dist
USER portico
EXPOSE 8000
VOLUME ["/var/lib/portico"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"
CMD ["portico", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
