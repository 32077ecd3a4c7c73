import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function AuthLayout({ title, subtitle, children, foot }: { title: string; subtitle?: ReactNode; children: ReactNode; foot?: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <Link to="/" className="brand"><span className="brand-mark">P</span> Portico</Link>
        <div className="card">
          <div className="card-body">
            <h1>{title}</h1>
            {subtitle && <p className="sub">{subtitle}</p>}
            {children}
          </div>
        </div>
        {foot && <div className="auth-foot">{foot}</div>}
      </div>
    </main>
  );
}
