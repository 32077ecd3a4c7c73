import { graphql } from '../gql';

// Reminder workflows (point 3).
export const WorkflowsQuery = graphql(`
  query Workflows {
    reminderWorkflows {
      id name isDefault
      steps { id offsetDays kind copyAccountManager actionKind actionText actionDueDays templates { language subject body } }
    }
  }
`);

export const SaveWorkflowMutation = graphql(`
  mutation SaveWorkflow($input: SaveReminderWorkflowInput!) {
    saveReminderWorkflow(input: $input) { reminderWorkflow { id } errors { code field message } }
  }
`);

export const DeleteWorkflowMutation = graphql(`
  mutation DeleteWorkflow($input: DeleteReminderWorkflowInput!) {
    deleteReminderWorkflow(input: $input) { deletedId errors { code field message } }
  }
`);

export const CustomerReceivablesQuery = graphql(`
  query CustomerReceivables($id: ID!) {
    customer(id: $id) {
      id remindersPaused
      reminderWorkflow { id name }
    }
    reminderWorkflows { id name isDefault }
  }
`);

export const SetCustomerRemindersMutation = graphql(`
  mutation SetCustomerReminders($input: SetCustomerRemindersInput!) {
    setCustomerReminders(input: $input) { customer { id remindersPaused reminderWorkflow { id name } } errors { code field message } }
  }
`);

// Actions (point 4).
export const ActionsQuery = graphql(`
  query Actions($first: Int, $after: String, $status: ActionStatus, $mine: Boolean) {
    actions(first: $first, after: $after, status: $status, mine: $mine) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id kind text dueOn status doneAt note invoiceId invoiceNumber
          doneBy { id fullName }
          assignee { id fullName }
          customer { id name }
        }
      }
    }
  }
`);

export const CompleteActionMutation = graphql(`
  mutation CompleteAction($input: CompleteActionInput!) {
    completeAction(input: $input) { action { id status } errors { code field message } }
  }
`);

export const ReassignActionMutation = graphql(`
  mutation ReassignAction($input: ReassignActionInput!) {
    reassignAction(input: $input) { action { id assignee { id fullName } } errors { code field message } }
  }
`);

// Reports (point 5).
export const AgingReportQuery = graphql(`
  query AgingReport {
    agingReport {
      accountManager { id fullName } currency notDue days1To30 days31To60 days61To90 over90 total invoiceCount
    }
  }
`);

export const AgingInvoicesQuery = graphql(`
  query AgingInvoices($accountManagerId: ID, $bucket: AgingBucket, $currency: String!, $first: Int) {
    agingInvoices(accountManagerId: $accountManagerId, bucket: $bucket, currency: $currency, first: $first) {
      totalCount
      edges { node { invoiceId number currency amount openAmount dueOn daysOverdue opened firstOpenedAt customerId customerName } }
    }
  }
`);

export const ActionsReportQuery = graphql(`
  query ActionsReport($from: Date!, $to: Date!) {
    actionsReport(from: $from, to: $to) { accountManager { id fullName } todo done }
  }
`);
