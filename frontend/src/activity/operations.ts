import { graphql } from '../gql';

export const ActivityEventFields = graphql(`
  fragment ActivityEventFields on ActivityEvent {
    id kind occurredAt actorName detail
    contact { id fullName }
    customer { id name }
    document { id name }
    share { id sender { id fullName } }
    quote { id number title }
    quoteVersion
  }
`);

export const ActivityQuery = graphql(`
  query Activity($first: Int, $customerId: ID, $hubId: ID) {
    activity(first: $first, customerId: $customerId, hubId: $hubId) {
      edges { node { ...ActivityEventFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ActivitySubscription = graphql(`
  subscription OnActivity($customerId: ID, $hubId: ID) {
    activity(customerId: $customerId, hubId: $hubId) { resync event { ...ActivityEventFields } }
  }
`);
