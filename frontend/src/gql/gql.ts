/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ActivityEventFields on ActivityEvent {\n    id kind occurredAt actorName detail\n    contact { id fullName }\n    customer { id name }\n    document { id name }\n    share { id sender { id fullName } }\n    quote { id number title }\n    quoteVersion\n  }\n": typeof types.ActivityEventFieldsFragmentDoc,
    "\n  query Activity($first: Int, $customerId: ID, $hubId: ID) {\n    activity(first: $first, customerId: $customerId, hubId: $hubId) {\n      edges { node { ...ActivityEventFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  subscription OnActivity($customerId: ID, $hubId: ID) {\n    activity(customerId: $customerId, hubId: $hubId) { resync event { ...ActivityEventFields } }\n  }\n": typeof types.OnActivityDocument,
    "\n  query Members {\n    members(first: 200) {\n      edges { node { id email firstName lastName fullName role isAccountManager isActive createdAt } }\n    }\n    invitations { id email role isAccountManager expiresAt acceptedAt }\n  }\n": typeof types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation { id email role isAccountManager expiresAt acceptedAt }\n      errors { code field message }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member { id role isAccountManager }\n      errors { code field message }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation DeactivateMember($input: DeactivateMemberInput!) {\n    deactivateMember(input: $input) {\n      member { id isActive }\n      errors { code field message }\n    }\n  }\n": typeof types.DeactivateMemberDocument,
    "\n  query InvitationTemplates {\n    invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n    invitationTemplateSpec {\n      placeholders { name token description }\n      fixedTexts { key label description placeholders }\n      builtInLanguages\n    }\n  }\n": typeof types.InvitationTemplatesDocument,
    "\n  query PreviewInvitationTemplate($input: InvitationTemplateDraftInput!) {\n    previewInvitationTemplate(input: $input) {\n      email { subject html }\n      errors { code field message }\n    }\n  }\n": typeof types.PreviewInvitationTemplateDocument,
    "\n  mutation SaveInvitationTemplate($input: SaveInvitationTemplateInput!) {\n    saveInvitationTemplate(input: $input) {\n      invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n      errors { code field message }\n    }\n  }\n": typeof types.SaveInvitationTemplateDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n      secret\n      errors { code field message }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt }\n      errors { code field message }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query DevMailbox($first: Int) {\n    devMailbox(first: $first) { id to subject html text status createdAt }\n  }\n": typeof types.DevMailboxDocument,
    "\n  query Branding {\n    branding { name logoUrl }\n  }\n": typeof types.BrandingDocument,
    "\n  mutation RemoveOrganizationLogo {\n    removeOrganizationLogo {\n      branding { name logoUrl }\n      errors { code field message }\n    }\n  }\n": typeof types.RemoveOrganizationLogoDocument,
    "\n  query Storage {\n    organization {\n      id\n      name\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n    }\n  }\n": typeof types.StorageDocument,
    "\n  mutation SetStoragePlan($input: SetStoragePlanInput!) {\n    setStoragePlan(input: $input) {\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n      errors { code field message }\n    }\n  }\n": typeof types.SetStoragePlanDocument,
    "\n  query WelcomeSettings {\n    organization { id allowContactsWithoutEmail }\n    welcomeTemplates { language subject body customized }\n    invitationTemplateSpec { placeholders { name token description } }\n  }\n": typeof types.WelcomeSettingsDocument,
    "\n  mutation AllowContactsWithoutEmail($allow: Boolean!) {\n    updateOrganization(input: { allowContactsWithoutEmail: $allow }) {\n      organization { id allowContactsWithoutEmail }\n      errors { code field message }\n    }\n  }\n": typeof types.AllowContactsWithoutEmailDocument,
    "\n  query PreviewWelcomeTemplate($input: WelcomeTemplateInput!) {\n    previewWelcomeTemplate(input: $input) {\n      email { subject html text }\n      errors { code field message }\n    }\n  }\n": typeof types.PreviewWelcomeTemplateDocument,
    "\n  mutation SaveWelcomeTemplate($input: WelcomeTemplateInput!) {\n    saveWelcomeTemplate(input: $input) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n": typeof types.SaveWelcomeTemplateDocument,
    "\n  mutation ResetWelcomeTemplate($language: String!) {\n    resetWelcomeTemplate(input: { language: $language }) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n": typeof types.ResetWelcomeTemplateDocument,
    "\n  query Me {\n    me {\n      kind\n      member { id email firstName lastName fullName role isAccountManager isActive language standardMessage }\n      contact { id firstName lastName fullName email hasPassword customer { id name } }\n      organization { id name languages }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation LogOut {\n    logOut { ok errors { code field message } }\n  }\n": typeof types.LogOutDocument,
    "\n  query DevMailboxAvailable {\n    devMailboxAvailable\n  }\n": typeof types.DevMailboxAvailableDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { ok errors { code field message } }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Customers($first: Int, $search: String, $kind: CustomerKind, $hubAccess: Boolean, $accountManagerId: ID) {\n    customers(first: $first, search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $accountManagerId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name kind hubAccess createdAt\n          primaryContact { id fullName email }\n          contacts { id }\n          accountManagers { id fullName }\n          hub { id insights { lastActivityAt views } }\n        }\n      }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  fragment ContactRow on Contact {\n    id firstName lastName fullName email hubAccess isPrimary hasPassword createdAt\n    invitationStatus invitedAt lastSignedInAt welcomeUnavailableReason\n  }\n": typeof types.ContactRowFragmentDoc,
    "\n  query ContactRules {\n    organization { id allowContactsWithoutEmail }\n  }\n": typeof types.ContactRulesDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules createdAt\n      contacts { ...ContactRow }\n      primaryContact { id }\n      accountManagers { id fullName email }\n      hub {\n        id\n        insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n": typeof types.CustomerDocument,
    "\n  query AssignableMembers {\n    members(first: 200) { edges { node { id fullName email isAccountManager isActive role } } }\n  }\n": typeof types.AssignableMembersDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name kind hubAccess }\n      errors { code field message }\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id name hubAccess modules }\n      errors { code field message }\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": typeof types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation DeleteContact($input: DeleteContactInput!) {\n    deleteContact(input: $input) {\n      contact { id }\n      errors { code field message }\n    }\n  }\n": typeof types.DeleteContactDocument,
    "\n  mutation SendWelcomeEmail($input: SendWelcomeEmailInput!) {\n    sendWelcomeEmail(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": typeof types.SendWelcomeEmailDocument,
    "\n  mutation AssignAccountManagers($input: AccountManagersInput!) {\n    assignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      removedAssignments\n      errors { code field message }\n    }\n  }\n": typeof types.AssignAccountManagersDocument,
    "\n  mutation UnassignAccountManagers($input: AccountManagersInput!) {\n    unassignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      errors { code field message }\n    }\n  }\n": typeof types.UnassignAccountManagersDocument,
    "\n  fragment CustomerImportResultFields on CustomerImportResult {\n    dryRun applied columns rowCount rowErrorCount\n    mapping { column field }\n    customersCreated customersUpdated customersUnchanged contactsCreated contactsUpdated contactsUnchanged\n    rowErrors { row column field code message }\n  }\n": typeof types.CustomerImportResultFieldsFragmentDoc,
    "\n  mutation CheckCustomerImport($input: CustomerImportInput!) {\n    checkCustomerImport(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n": typeof types.CheckCustomerImportDocument,
    "\n  mutation ImportCustomers($input: CustomerImportInput!) {\n    importCustomers(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n": typeof types.ImportCustomersDocument,
    "\n  fragment FolderFields on Folder {\n    id name kind date parentId clientAccess allContacts documentCount canUpload canManagePermissions\n    sender { id fullName }\n    contacts { id fullName }\n  }\n": typeof types.FolderFieldsFragmentDoc,
    "\n  query CustomerFolders($id: ID!) {\n    customer(id: $id) {\n      id name primaryContactManagesPermissions\n      hub { id permissionContacts { id fullName } folders { ...FolderFields } }\n    }\n  }\n": typeof types.CustomerFoldersDocument,
    "\n  query MyFolders {\n    myHub { id permissionContacts { id fullName } folders { ...FolderFields } }\n  }\n": typeof types.MyFoldersDocument,
    "\n  query FolderDocuments($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Folder {\n        id documentCount\n        documents(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              id name contentType sizeBytes createdAt version uploadedByCustomer\n              versions { id number name sizeBytes createdAt replacedAt }\n            }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.FolderDocumentsDocument,
    "\n  mutation CreateFolder($input: CreateFolderInput!) {\n    createFolder(input: $input) { folder { ...FolderFields } hub { id } errors { code field message } }\n  }\n": typeof types.CreateFolderDocument,
    "\n  mutation RenameFolder($input: RenameFolderInput!) {\n    renameFolder(input: $input) { folder { id name } errors { code field message } }\n  }\n": typeof types.RenameFolderDocument,
    "\n  mutation MoveFolder($input: MoveFolderInput!) {\n    moveFolder(input: $input) { folder { id parentId } errors { code field message } }\n  }\n": typeof types.MoveFolderDocument,
    "\n  mutation DeleteFolder($input: FolderIdInput!) {\n    deleteFolder(input: $input) { ok errors { code field message } }\n  }\n": typeof types.DeleteFolderDocument,
    "\n  mutation SetFolderPermissions($input: SetFolderPermissionsInput!) {\n    setFolderPermissions(input: $input) { folder { ...FolderFields } errors { code field message } }\n  }\n": typeof types.SetFolderPermissionsDocument,
    "\n  mutation SetPrimaryContactManagesPermissions($input: SetPrimaryContactManagesPermissionsInput!) {\n    setPrimaryContactManagesPermissions(input: $input) { ok errors { code field message } }\n  }\n": typeof types.SetPrimaryContactManagesPermissionsDocument,
    "\n  mutation UploadDocuments($input: UploadDocumentsInput!) {\n    uploadDocuments(input: $input) { documents { id name } errors { code field message } }\n  }\n": typeof types.UploadDocumentsDocument,
    "\n  mutation ReplaceDocument($input: ReplaceDocumentInput!) {\n    replaceDocument(input: $input) { document { id version } errors { code field message } }\n  }\n": typeof types.ReplaceDocumentDocument,
    "\n  mutation OpenDocumentVersion($input: OpenDocumentVersionInput!) {\n    openDocumentVersion(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": typeof types.OpenDocumentVersionDocument,
    "\n  query StaffHub($id: ID!) {\n    hub(id: $id) {\n      id createdAt\n      customer { id name }\n      insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      folders {\n        id name date createdAt\n        sender { id fullName }\n        documentCount\n      }\n    }\n  }\n": typeof types.StaffHubDocument,
    "\n  query StaffHubFolderDocuments($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on Folder {\n        documents(first: $first, after: $after) {\n          edges { node { id name contentType sizeBytes createdAt insights { views downloads prints sharedWithColleagues } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.StaffHubFolderDocumentsDocument,
    "\n  query StaffDocumentInsights($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Document {\n        insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n": typeof types.StaffDocumentInsightsDocument,
    "\n  mutation OpenDocument($input: OpenDocumentInput!) {\n    openDocument(input: $input) {\n      document { id name contentType sizeBytes }\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": typeof types.OpenDocumentDocument,
    "\n  query Libraries {\n    libraries { id name description publicationCount }\n  }\n": typeof types.LibrariesDocument,
    "\n  query Publications($first: Int, $search: String, $libraryIds: [ID!]) {\n    publications(first: $first, search: $search, libraryIds: $libraryIds) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title tags contentType sizeBytes createdAt library { id name } } }\n    }\n  }\n": typeof types.PublicationsDocument,
    "\n  mutation CreateLibrary($input: CreateLibraryInput!) {\n    createLibrary(input: $input) {\n      library { id name description publicationCount }\n      errors { code field message }\n    }\n  }\n": typeof types.CreateLibraryDocument,
    "\n  mutation AddPublication($input: AddPublicationInput!) {\n    addPublication(input: $input) {\n      publication { id title tags contentType sizeBytes createdAt library { id name } }\n      errors { code field message }\n    }\n  }\n": typeof types.AddPublicationDocument,
    "\n  mutation OpenPublication($input: OpenPublicationInput!) {\n    openPublication(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": typeof types.OpenPublicationDocument,
    "\n  query MyNotificationSettings {\n    myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n  }\n": typeof types.MyNotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      notificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n      errors { code field message }\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query MyInvoices {\n    invoices(first: 200) {\n      edges { node { id number amount openAmount currency issuedOn dueOn status hasPdf pdfUrl } }\n    }\n  }\n": typeof types.MyInvoicesDocument,
    "\n  mutation RedeemHubLink($input: RedeemHubLinkInput!) {\n    redeemHubLink(input: $input) {\n      state\n      needsPassword\n      firstName\n      organizationName\n      hasPassword\n      viewer { kind contact { id firstName fullName email } }\n      errors { code field message }\n    }\n  }\n": typeof types.RedeemHubLinkDocument,
    "\n  mutation HubLinkLogIn($input: HubLinkLogInInput!) {\n    hubLinkLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.HubLinkLogInDocument,
    "\n  mutation RequestHubSignInCode($input: HubLinkTokenInput!) {\n    requestHubSignInCode(input: $input) { sentTo errors { code field message } }\n  }\n": typeof types.RequestHubSignInCodeDocument,
    "\n  mutation SignInWithHubCode($input: SignInWithHubCodeInput!) {\n    signInWithHubCode(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.SignInWithHubCodeDocument,
    "\n  mutation RequestHubPasswordReset($input: RequestHubPasswordResetInput!) {\n    requestHubPasswordReset(input: $input) { ok errors { code field message } }\n  }\n": typeof types.RequestHubPasswordResetDocument,
    "\n  mutation ResetHubPassword($input: ResetHubPasswordInput!) {\n    resetHubPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.ResetHubPasswordDocument,
    "\n  mutation SetContactPassword($input: SetContactPasswordInput!) {\n    setContactPassword(input: $input) { ok errors { code field message } }\n  }\n": typeof types.SetContactPasswordDocument,
    "\n  mutation HubLogIn($input: HubLogInInput!) {\n    hubLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": typeof types.HubLogInDocument,
    "\n  mutation OpenHub {\n    openHub { ok errors { code field message } }\n  }\n": typeof types.OpenHubDocument,
    "\n  query HubChrome {\n    myHub { id language branding { name logoUrl } }\n  }\n": typeof types.HubChromeDocument,
    "\n  query MyHub {\n    myHub {\n      id\n      modules\n      customer { id name }\n      folders {\n        id name date kind\n        sender { id fullName email }\n        documents(first: 200) { edges { node { id name contentType sizeBytes createdAt } } }\n        shares { id message createdAt sender { id fullName } documents { id } }\n      }\n    }\n  }\n": typeof types.MyHubDocument,
    "\n  mutation RecordDocumentPrint($input: RecordDocumentPrintInput!) {\n    recordDocumentPrint(input: $input) { ok errors { code field message } }\n  }\n": typeof types.RecordDocumentPrintDocument,
    "\n  mutation ShareWithColleague($input: ShareWithColleagueInput!) {\n    shareWithColleague(input: $input) {\n      contact { id fullName email }\n      errors { code field message }\n    }\n  }\n": typeof types.ShareWithColleagueDocument,
    "\n  mutation RequestQuoteAcceptanceCode($input: RequestQuoteAcceptanceCodeInput!) {\n    requestQuoteAcceptanceCode(input: $input) { sentTo errors { code field message } }\n  }\n": typeof types.RequestQuoteAcceptanceCodeDocument,
    "\n  mutation AcceptQuote($input: AcceptQuoteInput!) {\n    acceptQuote(input: $input) { acceptance { id } errors { code field message } }\n  }\n": typeof types.AcceptQuoteDocument,
    "\n  mutation DeclineQuote($input: DeclineQuoteInput!) {\n    declineQuote(input: $input) { quoteId errors { code field message } }\n  }\n": typeof types.DeclineQuoteDocument,
    "\n  mutation OpenQuoteLink($input: OpenQuoteLinkInput!) {\n    openQuoteLink(input: $input) { quoteId errors { code field message } }\n  }\n": typeof types.OpenQuoteLinkDocument,
    "\n  fragment HubQuoteFields on Quote {\n    id number title status amount currency message expiresOn declinedAt versionNumber\n    sender { id fullName }\n    currentVersion {\n      id number filename contentType sizeBytes viewUrl downloadUrl\n      attachments { id filename contentType sizeBytes viewUrl downloadUrl }\n    }\n  }\n": typeof types.HubQuoteFieldsFragmentDoc,
    "\n  query MyQuotes {\n    myHub { id modules }\n    myQuotes { id number title status amount currency expiresOn }\n  }\n": typeof types.MyQuotesDocument,
    "\n  query HubQuote($id: ID!) {\n    quote(id: $id) { ...HubQuoteFields }\n    quoteAcceptance(quoteId: $id) { id fullName acceptedAt certificateUrl }\n  }\n": typeof types.HubQuoteDocument,
    "\n  query QuoteLinkIntro($token: String!) {\n    quoteLinkIntro(token: $token) { language }\n  }\n": typeof types.QuoteLinkIntroDocument,
    "\n  query QuoteVisit {\n    quoteVisit { quoteId language organization { name logoUrl } }\n  }\n": typeof types.QuoteVisitDocument,
    "\n  query QuoteCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules\n      contacts { id fullName email hubAccess isPrimary }\n    }\n  }\n": typeof types.QuoteCustomerDocument,
    "\n  query QuoteCustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n": typeof types.QuoteCustomerPickerDocument,
    "\n  query QuoteFilterChoices {\n    customers(first: 200) { edges { node { id name } } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n": typeof types.QuoteFilterChoicesDocument,
    "\n  mutation CreateQuoteLink($input: CreateQuoteLinkInput!) {\n    createQuoteLink(input: $input) { url link { id createdAt expiresAt revokedAt lastOpenedAt } errors { code field message } }\n  }\n": typeof types.CreateQuoteLinkDocument,
    "\n  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {\n    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }\n  }\n": typeof types.RevokeQuoteLinkDocument,
    "\n  fragment QuoteListFields on Quote {\n    id number title status amount currency expiresOn sentAt openedAt createdAt\n    customer { id name }\n    sender { id fullName }\n  }\n": typeof types.QuoteListFieldsFragmentDoc,
    "\n  query Quotes($first: Int, $status: [QuoteStatus!], $customerId: ID, $senderId: ID, $notOpenedForDays: Int) {\n    quotes(first: $first, status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $notOpenedForDays) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...QuoteListFields } }\n    }\n  }\n": typeof types.QuotesDocument,
    "\n  fragment QuoteEventFields on ActivityEvent { id kind occurredAt actorName detail quote { id } }\n": typeof types.QuoteEventFieldsFragmentDoc,
    "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      id number title status visibility amount currency message language expiresOn removeAfterDays notifyOnPublish\n      remindUnopenedDays remindUnacceptedDays remindBeforeExpiryDays declineReason\n      sentAt openedAt downloadedAt acceptedAt declinedAt expiredAt archivedAt createdAt\n      customer { id name }\n      contact { id fullName email }\n      recipients { id fullName }\n      sender { id fullName }\n      currentVersion {\n        id number filename downloadUrl\n        attachments { id filename contentType sizeBytes downloadUrl }\n      }\n      versions { id number filename sizeBytes sha256 createdAt frozen downloadUrl createdBy { fullName } }\n      events { ...QuoteEventFields }\n      links { id createdAt expiresAt revokedAt lastOpenedAt }\n    }\n    quoteAcceptance(quoteId: $id) { id fullName email acceptedAt versionNumber versionSha256 ip userAgent codeSentTo certificateId certificateUrl }\n  }\n": typeof types.QuoteDocument,
    "\n  subscription OnQuoteEvents($quoteId: ID) {\n    activity(quoteId: $quoteId) { resync event { ...QuoteEventFields } }\n  }\n": typeof types.OnQuoteEventsDocument,
    "\n  mutation CreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n": typeof types.CreateQuoteDocument,
    "\n  mutation PublishQuote($input: QuoteIdInput!) {\n    publishQuote(input: $input) { quote { id status sentAt } errors { code field message } }\n  }\n": typeof types.PublishQuoteDocument,
    "\n  mutation AddQuoteVersion($input: AddQuoteVersionInput!) {\n    addQuoteVersion(input: $input) { quote { id } errors { code field message } }\n  }\n": typeof types.AddQuoteVersionDocument,
    "\n  mutation ArchiveQuote($input: QuoteIdInput!) {\n    archiveQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n": typeof types.ArchiveQuoteDocument,
    "\n  query NextQuoteNumber {\n    nextQuoteNumber\n  }\n": typeof types.NextQuoteNumberDocument,
    "\n  query Portfolio($memberId: ID) {\n    portfolio(memberId: $memberId) {\n      member { id fullName }\n      rows {\n        customer { id name }\n        openInvoices\n        open { currency amount }\n        overdue { currency amount }\n        lastContactActivityAt\n      }\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  fragment InvoiceFields on Invoice {\n    id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened firstOpenedAt hasPdf pdfUrl\n    customer { id name }\n  }\n": typeof types.InvoiceFieldsFragmentDoc,
    "\n  query Invoices($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $accountManagerId: ID, $overdue: Boolean, $opened: Boolean) {\n    invoices(first: $first, after: $after, status: $status, customerId: $customerId, accountManagerId: $accountManagerId, overdue: $overdue, opened: $opened) {\n      totalCount\n      totals { currency amount paid open count }\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...InvoiceFields } }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  query InvoiceCustomers($search: String) {\n    customers(first: 200, search: $search) { totalCount edges { node { id name } } }\n  }\n": typeof types.InvoiceCustomersDocument,
    "\n  mutation CreateInvoice($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": typeof types.CreateInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  mutation PauseInvoice($input: PauseInvoiceInput!) {\n    pauseInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": typeof types.PauseInvoiceDocument,
    "\n  mutation VoidInvoice($input: InvoiceIdInput!) {\n    voidInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": typeof types.VoidInvoiceDocument,
    "\n  mutation DeleteInvoice($input: InvoiceIdInput!) {\n    deleteInvoice(input: $input) { deletedInvoiceId errors { code field message } }\n  }\n": typeof types.DeleteInvoiceDocument,
    "\n  mutation AttachInvoicePdf($input: AttachInvoicePdfInput!) {\n    attachInvoicePdf(input: $input) { invoice { id hasPdf pdfUrl } errors { code field message } }\n  }\n": typeof types.AttachInvoicePdfDocument,
    "\n  fragment InvoiceImportResultFields on InvoiceImportResult {\n    dryRun applied columns rowCount created updated unchanged rowErrorCount\n    mapping { column field }\n    rowErrors { row column code message }\n  }\n": typeof types.InvoiceImportResultFieldsFragmentDoc,
    "\n  mutation CheckInvoiceImport($input: InvoiceImportInput!) {\n    checkInvoiceImport(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n": typeof types.CheckInvoiceImportDocument,
    "\n  mutation ImportInvoices($input: InvoiceImportInput!) {\n    importInvoices(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n": typeof types.ImportInvoicesDocument,
    "\n  query Workflows {\n    reminderWorkflows {\n      id name isDefault\n      steps { id offsetDays kind copyAccountManager actionKind actionText actionDueDays templates { language subject body } }\n    }\n  }\n": typeof types.WorkflowsDocument,
    "\n  mutation SaveWorkflow($input: SaveReminderWorkflowInput!) {\n    saveReminderWorkflow(input: $input) { reminderWorkflow { id } errors { code field message } }\n  }\n": typeof types.SaveWorkflowDocument,
    "\n  mutation DeleteWorkflow($input: DeleteReminderWorkflowInput!) {\n    deleteReminderWorkflow(input: $input) { deletedId errors { code field message } }\n  }\n": typeof types.DeleteWorkflowDocument,
    "\n  query CustomerReceivables($id: ID!) {\n    customer(id: $id) {\n      id remindersPaused\n      reminderWorkflow { id name }\n    }\n    reminderWorkflows { id name isDefault }\n  }\n": typeof types.CustomerReceivablesDocument,
    "\n  mutation SetCustomerReminders($input: SetCustomerRemindersInput!) {\n    setCustomerReminders(input: $input) { customer { id remindersPaused reminderWorkflow { id name } } errors { code field message } }\n  }\n": typeof types.SetCustomerRemindersDocument,
    "\n  query Actions($first: Int, $after: String, $status: ActionStatus, $mine: Boolean) {\n    actions(first: $first, after: $after, status: $status, mine: $mine) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind text dueOn status doneAt note invoiceId invoiceNumber\n          doneBy { id fullName }\n          assignee { id fullName }\n          customer { id name }\n        }\n      }\n    }\n  }\n": typeof types.ActionsDocument,
    "\n  mutation CompleteAction($input: CompleteActionInput!) {\n    completeAction(input: $input) { action { id status } errors { code field message } }\n  }\n": typeof types.CompleteActionDocument,
    "\n  mutation ReassignAction($input: ReassignActionInput!) {\n    reassignAction(input: $input) { action { id assignee { id fullName } } errors { code field message } }\n  }\n": typeof types.ReassignActionDocument,
    "\n  query AgingReport {\n    agingReport {\n      accountManager { id fullName } currency notDue days1To30 days31To60 days61To90 over90 total invoiceCount\n    }\n  }\n": typeof types.AgingReportDocument,
    "\n  query AgingInvoices($accountManagerId: ID, $bucket: AgingBucket, $currency: String!, $first: Int) {\n    agingInvoices(accountManagerId: $accountManagerId, bucket: $bucket, currency: $currency, first: $first) {\n      totalCount\n      edges { node { invoiceId number currency amount openAmount dueOn daysOverdue opened firstOpenedAt customerId customerName } }\n    }\n  }\n": typeof types.AgingInvoicesDocument,
    "\n  query ActionsReport($from: Date!, $to: Date!) {\n    actionsReport(from: $from, to: $to) { accountManager { id fullName } todo done }\n  }\n": typeof types.ActionsReportDocument,
    "\n  query Settings {\n    me { member { id firstName lastName email language standardMessage role isAccountManager } }\n    organization { id name languages }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation UpdateMySettings($input: UpdateMySettingsInput!) {\n    updateMySettings(input: $input) {\n      member { id firstName lastName fullName language standardMessage }\n      errors { code field message }\n    }\n  }\n": typeof types.UpdateMySettingsDocument,
    "\n  query SendDialogData {\n    me { member { id language standardMessage } }\n    organization { id languages }\n    invitationTemplates { id language subject }\n  }\n": typeof types.SendDialogDataDocument,
    "\n  query CustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n": typeof types.CustomerPickerDocument,
    "\n  query ShareCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess\n      contacts { id firstName lastName fullName email hubAccess isPrimary }\n    }\n  }\n": typeof types.ShareCustomerDocument,
    "\n  query PreviewShare($input: ShareInput!) {\n    previewShare(input: $input) { subject html text }\n  }\n": typeof types.PreviewShareDocument,
    "\n  mutation ShareDocuments($input: ShareInput!) {\n    shareDocuments(input: $input) {\n      share { id createdAt documents { id name } recipients { id fullName email } }\n      hub { id }\n      errors { code field message }\n    }\n  }\n": typeof types.ShareDocumentsDocument,
};
const documents: Documents = {
    "\n  fragment ActivityEventFields on ActivityEvent {\n    id kind occurredAt actorName detail\n    contact { id fullName }\n    customer { id name }\n    document { id name }\n    share { id sender { id fullName } }\n    quote { id number title }\n    quoteVersion\n  }\n": types.ActivityEventFieldsFragmentDoc,
    "\n  query Activity($first: Int, $customerId: ID, $hubId: ID) {\n    activity(first: $first, customerId: $customerId, hubId: $hubId) {\n      edges { node { ...ActivityEventFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ActivityDocument,
    "\n  subscription OnActivity($customerId: ID, $hubId: ID) {\n    activity(customerId: $customerId, hubId: $hubId) { resync event { ...ActivityEventFields } }\n  }\n": types.OnActivityDocument,
    "\n  query Members {\n    members(first: 200) {\n      edges { node { id email firstName lastName fullName role isAccountManager isActive createdAt } }\n    }\n    invitations { id email role isAccountManager expiresAt acceptedAt }\n  }\n": types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation { id email role isAccountManager expiresAt acceptedAt }\n      errors { code field message }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member { id role isAccountManager }\n      errors { code field message }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation DeactivateMember($input: DeactivateMemberInput!) {\n    deactivateMember(input: $input) {\n      member { id isActive }\n      errors { code field message }\n    }\n  }\n": types.DeactivateMemberDocument,
    "\n  query InvitationTemplates {\n    invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n    invitationTemplateSpec {\n      placeholders { name token description }\n      fixedTexts { key label description placeholders }\n      builtInLanguages\n    }\n  }\n": types.InvitationTemplatesDocument,
    "\n  query PreviewInvitationTemplate($input: InvitationTemplateDraftInput!) {\n    previewInvitationTemplate(input: $input) {\n      email { subject html }\n      errors { code field message }\n    }\n  }\n": types.PreviewInvitationTemplateDocument,
    "\n  mutation SaveInvitationTemplate($input: SaveInvitationTemplateInput!) {\n    saveInvitationTemplate(input: $input) {\n      invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n      errors { code field message }\n    }\n  }\n": types.SaveInvitationTemplateDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n      secret\n      errors { code field message }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt }\n      errors { code field message }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query DevMailbox($first: Int) {\n    devMailbox(first: $first) { id to subject html text status createdAt }\n  }\n": types.DevMailboxDocument,
    "\n  query Branding {\n    branding { name logoUrl }\n  }\n": types.BrandingDocument,
    "\n  mutation RemoveOrganizationLogo {\n    removeOrganizationLogo {\n      branding { name logoUrl }\n      errors { code field message }\n    }\n  }\n": types.RemoveOrganizationLogoDocument,
    "\n  query Storage {\n    organization {\n      id\n      name\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n    }\n  }\n": types.StorageDocument,
    "\n  mutation SetStoragePlan($input: SetStoragePlanInput!) {\n    setStoragePlan(input: $input) {\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n      errors { code field message }\n    }\n  }\n": types.SetStoragePlanDocument,
    "\n  query WelcomeSettings {\n    organization { id allowContactsWithoutEmail }\n    welcomeTemplates { language subject body customized }\n    invitationTemplateSpec { placeholders { name token description } }\n  }\n": types.WelcomeSettingsDocument,
    "\n  mutation AllowContactsWithoutEmail($allow: Boolean!) {\n    updateOrganization(input: { allowContactsWithoutEmail: $allow }) {\n      organization { id allowContactsWithoutEmail }\n      errors { code field message }\n    }\n  }\n": types.AllowContactsWithoutEmailDocument,
    "\n  query PreviewWelcomeTemplate($input: WelcomeTemplateInput!) {\n    previewWelcomeTemplate(input: $input) {\n      email { subject html text }\n      errors { code field message }\n    }\n  }\n": types.PreviewWelcomeTemplateDocument,
    "\n  mutation SaveWelcomeTemplate($input: WelcomeTemplateInput!) {\n    saveWelcomeTemplate(input: $input) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n": types.SaveWelcomeTemplateDocument,
    "\n  mutation ResetWelcomeTemplate($language: String!) {\n    resetWelcomeTemplate(input: { language: $language }) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n": types.ResetWelcomeTemplateDocument,
    "\n  query Me {\n    me {\n      kind\n      member { id email firstName lastName fullName role isAccountManager isActive language standardMessage }\n      contact { id firstName lastName fullName email hasPassword customer { id name } }\n      organization { id name languages }\n    }\n  }\n": types.MeDocument,
    "\n  mutation LogOut {\n    logOut { ok errors { code field message } }\n  }\n": types.LogOutDocument,
    "\n  query DevMailboxAvailable {\n    devMailboxAvailable\n  }\n": types.DevMailboxAvailableDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.SignUpDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { ok errors { code field message } }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Customers($first: Int, $search: String, $kind: CustomerKind, $hubAccess: Boolean, $accountManagerId: ID) {\n    customers(first: $first, search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $accountManagerId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name kind hubAccess createdAt\n          primaryContact { id fullName email }\n          contacts { id }\n          accountManagers { id fullName }\n          hub { id insights { lastActivityAt views } }\n        }\n      }\n    }\n  }\n": types.CustomersDocument,
    "\n  fragment ContactRow on Contact {\n    id firstName lastName fullName email hubAccess isPrimary hasPassword createdAt\n    invitationStatus invitedAt lastSignedInAt welcomeUnavailableReason\n  }\n": types.ContactRowFragmentDoc,
    "\n  query ContactRules {\n    organization { id allowContactsWithoutEmail }\n  }\n": types.ContactRulesDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules createdAt\n      contacts { ...ContactRow }\n      primaryContact { id }\n      accountManagers { id fullName email }\n      hub {\n        id\n        insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n": types.CustomerDocument,
    "\n  query AssignableMembers {\n    members(first: 200) { edges { node { id fullName email isAccountManager isActive role } } }\n  }\n": types.AssignableMembersDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name kind hubAccess }\n      errors { code field message }\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id name hubAccess modules }\n      errors { code field message }\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation DeleteContact($input: DeleteContactInput!) {\n    deleteContact(input: $input) {\n      contact { id }\n      errors { code field message }\n    }\n  }\n": types.DeleteContactDocument,
    "\n  mutation SendWelcomeEmail($input: SendWelcomeEmailInput!) {\n    sendWelcomeEmail(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n": types.SendWelcomeEmailDocument,
    "\n  mutation AssignAccountManagers($input: AccountManagersInput!) {\n    assignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      removedAssignments\n      errors { code field message }\n    }\n  }\n": types.AssignAccountManagersDocument,
    "\n  mutation UnassignAccountManagers($input: AccountManagersInput!) {\n    unassignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      errors { code field message }\n    }\n  }\n": types.UnassignAccountManagersDocument,
    "\n  fragment CustomerImportResultFields on CustomerImportResult {\n    dryRun applied columns rowCount rowErrorCount\n    mapping { column field }\n    customersCreated customersUpdated customersUnchanged contactsCreated contactsUpdated contactsUnchanged\n    rowErrors { row column field code message }\n  }\n": types.CustomerImportResultFieldsFragmentDoc,
    "\n  mutation CheckCustomerImport($input: CustomerImportInput!) {\n    checkCustomerImport(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n": types.CheckCustomerImportDocument,
    "\n  mutation ImportCustomers($input: CustomerImportInput!) {\n    importCustomers(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n": types.ImportCustomersDocument,
    "\n  fragment FolderFields on Folder {\n    id name kind date parentId clientAccess allContacts documentCount canUpload canManagePermissions\n    sender { id fullName }\n    contacts { id fullName }\n  }\n": types.FolderFieldsFragmentDoc,
    "\n  query CustomerFolders($id: ID!) {\n    customer(id: $id) {\n      id name primaryContactManagesPermissions\n      hub { id permissionContacts { id fullName } folders { ...FolderFields } }\n    }\n  }\n": types.CustomerFoldersDocument,
    "\n  query MyFolders {\n    myHub { id permissionContacts { id fullName } folders { ...FolderFields } }\n  }\n": types.MyFoldersDocument,
    "\n  query FolderDocuments($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Folder {\n        id documentCount\n        documents(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              id name contentType sizeBytes createdAt version uploadedByCustomer\n              versions { id number name sizeBytes createdAt replacedAt }\n            }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.FolderDocumentsDocument,
    "\n  mutation CreateFolder($input: CreateFolderInput!) {\n    createFolder(input: $input) { folder { ...FolderFields } hub { id } errors { code field message } }\n  }\n": types.CreateFolderDocument,
    "\n  mutation RenameFolder($input: RenameFolderInput!) {\n    renameFolder(input: $input) { folder { id name } errors { code field message } }\n  }\n": types.RenameFolderDocument,
    "\n  mutation MoveFolder($input: MoveFolderInput!) {\n    moveFolder(input: $input) { folder { id parentId } errors { code field message } }\n  }\n": types.MoveFolderDocument,
    "\n  mutation DeleteFolder($input: FolderIdInput!) {\n    deleteFolder(input: $input) { ok errors { code field message } }\n  }\n": types.DeleteFolderDocument,
    "\n  mutation SetFolderPermissions($input: SetFolderPermissionsInput!) {\n    setFolderPermissions(input: $input) { folder { ...FolderFields } errors { code field message } }\n  }\n": types.SetFolderPermissionsDocument,
    "\n  mutation SetPrimaryContactManagesPermissions($input: SetPrimaryContactManagesPermissionsInput!) {\n    setPrimaryContactManagesPermissions(input: $input) { ok errors { code field message } }\n  }\n": types.SetPrimaryContactManagesPermissionsDocument,
    "\n  mutation UploadDocuments($input: UploadDocumentsInput!) {\n    uploadDocuments(input: $input) { documents { id name } errors { code field message } }\n  }\n": types.UploadDocumentsDocument,
    "\n  mutation ReplaceDocument($input: ReplaceDocumentInput!) {\n    replaceDocument(input: $input) { document { id version } errors { code field message } }\n  }\n": types.ReplaceDocumentDocument,
    "\n  mutation OpenDocumentVersion($input: OpenDocumentVersionInput!) {\n    openDocumentVersion(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": types.OpenDocumentVersionDocument,
    "\n  query StaffHub($id: ID!) {\n    hub(id: $id) {\n      id createdAt\n      customer { id name }\n      insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      folders {\n        id name date createdAt\n        sender { id fullName }\n        documentCount\n      }\n    }\n  }\n": types.StaffHubDocument,
    "\n  query StaffHubFolderDocuments($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on Folder {\n        documents(first: $first, after: $after) {\n          edges { node { id name contentType sizeBytes createdAt insights { views downloads prints sharedWithColleagues } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.StaffHubFolderDocumentsDocument,
    "\n  query StaffDocumentInsights($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Document {\n        insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n": types.StaffDocumentInsightsDocument,
    "\n  mutation OpenDocument($input: OpenDocumentInput!) {\n    openDocument(input: $input) {\n      document { id name contentType sizeBytes }\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": types.OpenDocumentDocument,
    "\n  query Libraries {\n    libraries { id name description publicationCount }\n  }\n": types.LibrariesDocument,
    "\n  query Publications($first: Int, $search: String, $libraryIds: [ID!]) {\n    publications(first: $first, search: $search, libraryIds: $libraryIds) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title tags contentType sizeBytes createdAt library { id name } } }\n    }\n  }\n": types.PublicationsDocument,
    "\n  mutation CreateLibrary($input: CreateLibraryInput!) {\n    createLibrary(input: $input) {\n      library { id name description publicationCount }\n      errors { code field message }\n    }\n  }\n": types.CreateLibraryDocument,
    "\n  mutation AddPublication($input: AddPublicationInput!) {\n    addPublication(input: $input) {\n      publication { id title tags contentType sizeBytes createdAt library { id name } }\n      errors { code field message }\n    }\n  }\n": types.AddPublicationDocument,
    "\n  mutation OpenPublication($input: OpenPublicationInput!) {\n    openPublication(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n": types.OpenPublicationDocument,
    "\n  query MyNotificationSettings {\n    myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n  }\n": types.MyNotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      notificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n      errors { code field message }\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query MyInvoices {\n    invoices(first: 200) {\n      edges { node { id number amount openAmount currency issuedOn dueOn status hasPdf pdfUrl } }\n    }\n  }\n": types.MyInvoicesDocument,
    "\n  mutation RedeemHubLink($input: RedeemHubLinkInput!) {\n    redeemHubLink(input: $input) {\n      state\n      needsPassword\n      firstName\n      organizationName\n      hasPassword\n      viewer { kind contact { id firstName fullName email } }\n      errors { code field message }\n    }\n  }\n": types.RedeemHubLinkDocument,
    "\n  mutation HubLinkLogIn($input: HubLinkLogInInput!) {\n    hubLinkLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.HubLinkLogInDocument,
    "\n  mutation RequestHubSignInCode($input: HubLinkTokenInput!) {\n    requestHubSignInCode(input: $input) { sentTo errors { code field message } }\n  }\n": types.RequestHubSignInCodeDocument,
    "\n  mutation SignInWithHubCode($input: SignInWithHubCodeInput!) {\n    signInWithHubCode(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.SignInWithHubCodeDocument,
    "\n  mutation RequestHubPasswordReset($input: RequestHubPasswordResetInput!) {\n    requestHubPasswordReset(input: $input) { ok errors { code field message } }\n  }\n": types.RequestHubPasswordResetDocument,
    "\n  mutation ResetHubPassword($input: ResetHubPasswordInput!) {\n    resetHubPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.ResetHubPasswordDocument,
    "\n  mutation SetContactPassword($input: SetContactPasswordInput!) {\n    setContactPassword(input: $input) { ok errors { code field message } }\n  }\n": types.SetContactPasswordDocument,
    "\n  mutation HubLogIn($input: HubLogInInput!) {\n    hubLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n": types.HubLogInDocument,
    "\n  mutation OpenHub {\n    openHub { ok errors { code field message } }\n  }\n": types.OpenHubDocument,
    "\n  query HubChrome {\n    myHub { id language branding { name logoUrl } }\n  }\n": types.HubChromeDocument,
    "\n  query MyHub {\n    myHub {\n      id\n      modules\n      customer { id name }\n      folders {\n        id name date kind\n        sender { id fullName email }\n        documents(first: 200) { edges { node { id name contentType sizeBytes createdAt } } }\n        shares { id message createdAt sender { id fullName } documents { id } }\n      }\n    }\n  }\n": types.MyHubDocument,
    "\n  mutation RecordDocumentPrint($input: RecordDocumentPrintInput!) {\n    recordDocumentPrint(input: $input) { ok errors { code field message } }\n  }\n": types.RecordDocumentPrintDocument,
    "\n  mutation ShareWithColleague($input: ShareWithColleagueInput!) {\n    shareWithColleague(input: $input) {\n      contact { id fullName email }\n      errors { code field message }\n    }\n  }\n": types.ShareWithColleagueDocument,
    "\n  mutation RequestQuoteAcceptanceCode($input: RequestQuoteAcceptanceCodeInput!) {\n    requestQuoteAcceptanceCode(input: $input) { sentTo errors { code field message } }\n  }\n": types.RequestQuoteAcceptanceCodeDocument,
    "\n  mutation AcceptQuote($input: AcceptQuoteInput!) {\n    acceptQuote(input: $input) { acceptance { id } errors { code field message } }\n  }\n": types.AcceptQuoteDocument,
    "\n  mutation DeclineQuote($input: DeclineQuoteInput!) {\n    declineQuote(input: $input) { quoteId errors { code field message } }\n  }\n": types.DeclineQuoteDocument,
    "\n  mutation OpenQuoteLink($input: OpenQuoteLinkInput!) {\n    openQuoteLink(input: $input) { quoteId errors { code field message } }\n  }\n": types.OpenQuoteLinkDocument,
    "\n  fragment HubQuoteFields on Quote {\n    id number title status amount currency message expiresOn declinedAt versionNumber\n    sender { id fullName }\n    currentVersion {\n      id number filename contentType sizeBytes viewUrl downloadUrl\n      attachments { id filename contentType sizeBytes viewUrl downloadUrl }\n    }\n  }\n": types.HubQuoteFieldsFragmentDoc,
    "\n  query MyQuotes {\n    myHub { id modules }\n    myQuotes { id number title status amount currency expiresOn }\n  }\n": types.MyQuotesDocument,
    "\n  query HubQuote($id: ID!) {\n    quote(id: $id) { ...HubQuoteFields }\n    quoteAcceptance(quoteId: $id) { id fullName acceptedAt certificateUrl }\n  }\n": types.HubQuoteDocument,
    "\n  query QuoteLinkIntro($token: String!) {\n    quoteLinkIntro(token: $token) { language }\n  }\n": types.QuoteLinkIntroDocument,
    "\n  query QuoteVisit {\n    quoteVisit { quoteId language organization { name logoUrl } }\n  }\n": types.QuoteVisitDocument,
    "\n  query QuoteCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules\n      contacts { id fullName email hubAccess isPrimary }\n    }\n  }\n": types.QuoteCustomerDocument,
    "\n  query QuoteCustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n": types.QuoteCustomerPickerDocument,
    "\n  query QuoteFilterChoices {\n    customers(first: 200) { edges { node { id name } } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n": types.QuoteFilterChoicesDocument,
    "\n  mutation CreateQuoteLink($input: CreateQuoteLinkInput!) {\n    createQuoteLink(input: $input) { url link { id createdAt expiresAt revokedAt lastOpenedAt } errors { code field message } }\n  }\n": types.CreateQuoteLinkDocument,
    "\n  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {\n    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }\n  }\n": types.RevokeQuoteLinkDocument,
    "\n  fragment QuoteListFields on Quote {\n    id number title status amount currency expiresOn sentAt openedAt createdAt\n    customer { id name }\n    sender { id fullName }\n  }\n": types.QuoteListFieldsFragmentDoc,
    "\n  query Quotes($first: Int, $status: [QuoteStatus!], $customerId: ID, $senderId: ID, $notOpenedForDays: Int) {\n    quotes(first: $first, status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $notOpenedForDays) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...QuoteListFields } }\n    }\n  }\n": types.QuotesDocument,
    "\n  fragment QuoteEventFields on ActivityEvent { id kind occurredAt actorName detail quote { id } }\n": types.QuoteEventFieldsFragmentDoc,
    "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      id number title status visibility amount currency message language expiresOn removeAfterDays notifyOnPublish\n      remindUnopenedDays remindUnacceptedDays remindBeforeExpiryDays declineReason\n      sentAt openedAt downloadedAt acceptedAt declinedAt expiredAt archivedAt createdAt\n      customer { id name }\n      contact { id fullName email }\n      recipients { id fullName }\n      sender { id fullName }\n      currentVersion {\n        id number filename downloadUrl\n        attachments { id filename contentType sizeBytes downloadUrl }\n      }\n      versions { id number filename sizeBytes sha256 createdAt frozen downloadUrl createdBy { fullName } }\n      events { ...QuoteEventFields }\n      links { id createdAt expiresAt revokedAt lastOpenedAt }\n    }\n    quoteAcceptance(quoteId: $id) { id fullName email acceptedAt versionNumber versionSha256 ip userAgent codeSentTo certificateId certificateUrl }\n  }\n": types.QuoteDocument,
    "\n  subscription OnQuoteEvents($quoteId: ID) {\n    activity(quoteId: $quoteId) { resync event { ...QuoteEventFields } }\n  }\n": types.OnQuoteEventsDocument,
    "\n  mutation CreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n": types.CreateQuoteDocument,
    "\n  mutation PublishQuote($input: QuoteIdInput!) {\n    publishQuote(input: $input) { quote { id status sentAt } errors { code field message } }\n  }\n": types.PublishQuoteDocument,
    "\n  mutation AddQuoteVersion($input: AddQuoteVersionInput!) {\n    addQuoteVersion(input: $input) { quote { id } errors { code field message } }\n  }\n": types.AddQuoteVersionDocument,
    "\n  mutation ArchiveQuote($input: QuoteIdInput!) {\n    archiveQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n": types.ArchiveQuoteDocument,
    "\n  query NextQuoteNumber {\n    nextQuoteNumber\n  }\n": types.NextQuoteNumberDocument,
    "\n  query Portfolio($memberId: ID) {\n    portfolio(memberId: $memberId) {\n      member { id fullName }\n      rows {\n        customer { id name }\n        openInvoices\n        open { currency amount }\n        overdue { currency amount }\n        lastContactActivityAt\n      }\n    }\n  }\n": types.PortfolioDocument,
    "\n  fragment InvoiceFields on Invoice {\n    id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened firstOpenedAt hasPdf pdfUrl\n    customer { id name }\n  }\n": types.InvoiceFieldsFragmentDoc,
    "\n  query Invoices($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $accountManagerId: ID, $overdue: Boolean, $opened: Boolean) {\n    invoices(first: $first, after: $after, status: $status, customerId: $customerId, accountManagerId: $accountManagerId, overdue: $overdue, opened: $opened) {\n      totalCount\n      totals { currency amount paid open count }\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...InvoiceFields } }\n    }\n  }\n": types.InvoicesDocument,
    "\n  query InvoiceCustomers($search: String) {\n    customers(first: 200, search: $search) { totalCount edges { node { id name } } }\n  }\n": types.InvoiceCustomersDocument,
    "\n  mutation CreateInvoice($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": types.CreateInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": types.RecordPaymentDocument,
    "\n  mutation PauseInvoice($input: PauseInvoiceInput!) {\n    pauseInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": types.PauseInvoiceDocument,
    "\n  mutation VoidInvoice($input: InvoiceIdInput!) {\n    voidInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n": types.VoidInvoiceDocument,
    "\n  mutation DeleteInvoice($input: InvoiceIdInput!) {\n    deleteInvoice(input: $input) { deletedInvoiceId errors { code field message } }\n  }\n": types.DeleteInvoiceDocument,
    "\n  mutation AttachInvoicePdf($input: AttachInvoicePdfInput!) {\n    attachInvoicePdf(input: $input) { invoice { id hasPdf pdfUrl } errors { code field message } }\n  }\n": types.AttachInvoicePdfDocument,
    "\n  fragment InvoiceImportResultFields on InvoiceImportResult {\n    dryRun applied columns rowCount created updated unchanged rowErrorCount\n    mapping { column field }\n    rowErrors { row column code message }\n  }\n": types.InvoiceImportResultFieldsFragmentDoc,
    "\n  mutation CheckInvoiceImport($input: InvoiceImportInput!) {\n    checkInvoiceImport(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n": types.CheckInvoiceImportDocument,
    "\n  mutation ImportInvoices($input: InvoiceImportInput!) {\n    importInvoices(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n": types.ImportInvoicesDocument,
    "\n  query Workflows {\n    reminderWorkflows {\n      id name isDefault\n      steps { id offsetDays kind copyAccountManager actionKind actionText actionDueDays templates { language subject body } }\n    }\n  }\n": types.WorkflowsDocument,
    "\n  mutation SaveWorkflow($input: SaveReminderWorkflowInput!) {\n    saveReminderWorkflow(input: $input) { reminderWorkflow { id } errors { code field message } }\n  }\n": types.SaveWorkflowDocument,
    "\n  mutation DeleteWorkflow($input: DeleteReminderWorkflowInput!) {\n    deleteReminderWorkflow(input: $input) { deletedId errors { code field message } }\n  }\n": types.DeleteWorkflowDocument,
    "\n  query CustomerReceivables($id: ID!) {\n    customer(id: $id) {\n      id remindersPaused\n      reminderWorkflow { id name }\n    }\n    reminderWorkflows { id name isDefault }\n  }\n": types.CustomerReceivablesDocument,
    "\n  mutation SetCustomerReminders($input: SetCustomerRemindersInput!) {\n    setCustomerReminders(input: $input) { customer { id remindersPaused reminderWorkflow { id name } } errors { code field message } }\n  }\n": types.SetCustomerRemindersDocument,
    "\n  query Actions($first: Int, $after: String, $status: ActionStatus, $mine: Boolean) {\n    actions(first: $first, after: $after, status: $status, mine: $mine) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind text dueOn status doneAt note invoiceId invoiceNumber\n          doneBy { id fullName }\n          assignee { id fullName }\n          customer { id name }\n        }\n      }\n    }\n  }\n": types.ActionsDocument,
    "\n  mutation CompleteAction($input: CompleteActionInput!) {\n    completeAction(input: $input) { action { id status } errors { code field message } }\n  }\n": types.CompleteActionDocument,
    "\n  mutation ReassignAction($input: ReassignActionInput!) {\n    reassignAction(input: $input) { action { id assignee { id fullName } } errors { code field message } }\n  }\n": types.ReassignActionDocument,
    "\n  query AgingReport {\n    agingReport {\n      accountManager { id fullName } currency notDue days1To30 days31To60 days61To90 over90 total invoiceCount\n    }\n  }\n": types.AgingReportDocument,
    "\n  query AgingInvoices($accountManagerId: ID, $bucket: AgingBucket, $currency: String!, $first: Int) {\n    agingInvoices(accountManagerId: $accountManagerId, bucket: $bucket, currency: $currency, first: $first) {\n      totalCount\n      edges { node { invoiceId number currency amount openAmount dueOn daysOverdue opened firstOpenedAt customerId customerName } }\n    }\n  }\n": types.AgingInvoicesDocument,
    "\n  query ActionsReport($from: Date!, $to: Date!) {\n    actionsReport(from: $from, to: $to) { accountManager { id fullName } todo done }\n  }\n": types.ActionsReportDocument,
    "\n  query Settings {\n    me { member { id firstName lastName email language standardMessage role isAccountManager } }\n    organization { id name languages }\n  }\n": types.SettingsDocument,
    "\n  mutation UpdateMySettings($input: UpdateMySettingsInput!) {\n    updateMySettings(input: $input) {\n      member { id firstName lastName fullName language standardMessage }\n      errors { code field message }\n    }\n  }\n": types.UpdateMySettingsDocument,
    "\n  query SendDialogData {\n    me { member { id language standardMessage } }\n    organization { id languages }\n    invitationTemplates { id language subject }\n  }\n": types.SendDialogDataDocument,
    "\n  query CustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n": types.CustomerPickerDocument,
    "\n  query ShareCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess\n      contacts { id firstName lastName fullName email hubAccess isPrimary }\n    }\n  }\n": types.ShareCustomerDocument,
    "\n  query PreviewShare($input: ShareInput!) {\n    previewShare(input: $input) { subject html text }\n  }\n": types.PreviewShareDocument,
    "\n  mutation ShareDocuments($input: ShareInput!) {\n    shareDocuments(input: $input) {\n      share { id createdAt documents { id name } recipients { id fullName email } }\n      hub { id }\n      errors { code field message }\n    }\n  }\n": types.ShareDocumentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEventFields on ActivityEvent {\n    id kind occurredAt actorName detail\n    contact { id fullName }\n    customer { id name }\n    document { id name }\n    share { id sender { id fullName } }\n    quote { id number title }\n    quoteVersion\n  }\n"): (typeof documents)["\n  fragment ActivityEventFields on ActivityEvent {\n    id kind occurredAt actorName detail\n    contact { id fullName }\n    customer { id name }\n    document { id name }\n    share { id sender { id fullName } }\n    quote { id number title }\n    quoteVersion\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($first: Int, $customerId: ID, $hubId: ID) {\n    activity(first: $first, customerId: $customerId, hubId: $hubId) {\n      edges { node { ...ActivityEventFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Activity($first: Int, $customerId: ID, $hubId: ID) {\n    activity(first: $first, customerId: $customerId, hubId: $hubId) {\n      edges { node { ...ActivityEventFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnActivity($customerId: ID, $hubId: ID) {\n    activity(customerId: $customerId, hubId: $hubId) { resync event { ...ActivityEventFields } }\n  }\n"): (typeof documents)["\n  subscription OnActivity($customerId: ID, $hubId: ID) {\n    activity(customerId: $customerId, hubId: $hubId) { resync event { ...ActivityEventFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    members(first: 200) {\n      edges { node { id email firstName lastName fullName role isAccountManager isActive createdAt } }\n    }\n    invitations { id email role isAccountManager expiresAt acceptedAt }\n  }\n"): (typeof documents)["\n  query Members {\n    members(first: 200) {\n      edges { node { id email firstName lastName fullName role isAccountManager isActive createdAt } }\n    }\n    invitations { id email role isAccountManager expiresAt acceptedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation { id email role isAccountManager expiresAt acceptedAt }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation { id email role isAccountManager expiresAt acceptedAt }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member { id role isAccountManager }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member { id role isAccountManager }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMember($input: DeactivateMemberInput!) {\n    deactivateMember(input: $input) {\n      member { id isActive }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateMember($input: DeactivateMemberInput!) {\n    deactivateMember(input: $input) {\n      member { id isActive }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationTemplates {\n    invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n    invitationTemplateSpec {\n      placeholders { name token description }\n      fixedTexts { key label description placeholders }\n      builtInLanguages\n    }\n  }\n"): (typeof documents)["\n  query InvitationTemplates {\n    invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n    invitationTemplateSpec {\n      placeholders { name token description }\n      fixedTexts { key label description placeholders }\n      builtInLanguages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewInvitationTemplate($input: InvitationTemplateDraftInput!) {\n    previewInvitationTemplate(input: $input) {\n      email { subject html }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  query PreviewInvitationTemplate($input: InvitationTemplateDraftInput!) {\n    previewInvitationTemplate(input: $input) {\n      email { subject html }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveInvitationTemplate($input: SaveInvitationTemplateInput!) {\n    saveInvitationTemplate(input: $input) {\n      invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveInvitationTemplate($input: SaveInvitationTemplateInput!) {\n    saveInvitationTemplate(input: $input) {\n      invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n      secret\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }\n      secret\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevMailbox($first: Int) {\n    devMailbox(first: $first) { id to subject html text status createdAt }\n  }\n"): (typeof documents)["\n  query DevMailbox($first: Int) {\n    devMailbox(first: $first) { id to subject html text status createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Branding {\n    branding { name logoUrl }\n  }\n"): (typeof documents)["\n  query Branding {\n    branding { name logoUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveOrganizationLogo {\n    removeOrganizationLogo {\n      branding { name logoUrl }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveOrganizationLogo {\n    removeOrganizationLogo {\n      branding { name logoUrl }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Storage {\n    organization {\n      id\n      name\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n    }\n  }\n"): (typeof documents)["\n  query Storage {\n    organization {\n      id\n      name\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStoragePlan($input: SetStoragePlanInput!) {\n    setStoragePlan(input: $input) {\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStoragePlan($input: SetStoragePlanInput!) {\n    setStoragePlan(input: $input) {\n      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WelcomeSettings {\n    organization { id allowContactsWithoutEmail }\n    welcomeTemplates { language subject body customized }\n    invitationTemplateSpec { placeholders { name token description } }\n  }\n"): (typeof documents)["\n  query WelcomeSettings {\n    organization { id allowContactsWithoutEmail }\n    welcomeTemplates { language subject body customized }\n    invitationTemplateSpec { placeholders { name token description } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllowContactsWithoutEmail($allow: Boolean!) {\n    updateOrganization(input: { allowContactsWithoutEmail: $allow }) {\n      organization { id allowContactsWithoutEmail }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation AllowContactsWithoutEmail($allow: Boolean!) {\n    updateOrganization(input: { allowContactsWithoutEmail: $allow }) {\n      organization { id allowContactsWithoutEmail }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewWelcomeTemplate($input: WelcomeTemplateInput!) {\n    previewWelcomeTemplate(input: $input) {\n      email { subject html text }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  query PreviewWelcomeTemplate($input: WelcomeTemplateInput!) {\n    previewWelcomeTemplate(input: $input) {\n      email { subject html text }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWelcomeTemplate($input: WelcomeTemplateInput!) {\n    saveWelcomeTemplate(input: $input) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveWelcomeTemplate($input: WelcomeTemplateInput!) {\n    saveWelcomeTemplate(input: $input) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetWelcomeTemplate($language: String!) {\n    resetWelcomeTemplate(input: { language: $language }) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetWelcomeTemplate($language: String!) {\n    resetWelcomeTemplate(input: { language: $language }) {\n      welcomeTemplate { language subject body customized }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      kind\n      member { id email firstName lastName fullName role isAccountManager isActive language standardMessage }\n      contact { id firstName lastName fullName email hasPassword customer { id name } }\n      organization { id name languages }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      kind\n      member { id email firstName lastName fullName role isAccountManager isActive language standardMessage }\n      contact { id firstName lastName fullName email hasPassword customer { id name } }\n      organization { id name languages }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevMailboxAvailable {\n    devMailboxAvailable\n  }\n"): (typeof documents)["\n  query DevMailboxAvailable {\n    devMailboxAvailable\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($first: Int, $search: String, $kind: CustomerKind, $hubAccess: Boolean, $accountManagerId: ID) {\n    customers(first: $first, search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $accountManagerId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name kind hubAccess createdAt\n          primaryContact { id fullName email }\n          contacts { id }\n          accountManagers { id fullName }\n          hub { id insights { lastActivityAt views } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customers($first: Int, $search: String, $kind: CustomerKind, $hubAccess: Boolean, $accountManagerId: ID) {\n    customers(first: $first, search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $accountManagerId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name kind hubAccess createdAt\n          primaryContact { id fullName email }\n          contacts { id }\n          accountManagers { id fullName }\n          hub { id insights { lastActivityAt views } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactRow on Contact {\n    id firstName lastName fullName email hubAccess isPrimary hasPassword createdAt\n    invitationStatus invitedAt lastSignedInAt welcomeUnavailableReason\n  }\n"): (typeof documents)["\n  fragment ContactRow on Contact {\n    id firstName lastName fullName email hubAccess isPrimary hasPassword createdAt\n    invitationStatus invitedAt lastSignedInAt welcomeUnavailableReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactRules {\n    organization { id allowContactsWithoutEmail }\n  }\n"): (typeof documents)["\n  query ContactRules {\n    organization { id allowContactsWithoutEmail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules createdAt\n      contacts { ...ContactRow }\n      primaryContact { id }\n      accountManagers { id fullName email }\n      hub {\n        id\n        insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules createdAt\n      contacts { ...ContactRow }\n      primaryContact { id }\n      accountManagers { id fullName email }\n      hub {\n        id\n        insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableMembers {\n    members(first: 200) { edges { node { id fullName email isAccountManager isActive role } } }\n  }\n"): (typeof documents)["\n  query AssignableMembers {\n    members(first: 200) { edges { node { id fullName email isAccountManager isActive role } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name kind hubAccess }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name kind hubAccess }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id name hubAccess modules }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id name hubAccess modules }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($input: DeleteContactInput!) {\n    deleteContact(input: $input) {\n      contact { id }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteContact($input: DeleteContactInput!) {\n    deleteContact(input: $input) {\n      contact { id }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWelcomeEmail($input: SendWelcomeEmailInput!) {\n    sendWelcomeEmail(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SendWelcomeEmail($input: SendWelcomeEmailInput!) {\n    sendWelcomeEmail(input: $input) {\n      contact { ...ContactRow }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAccountManagers($input: AccountManagersInput!) {\n    assignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      removedAssignments\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAccountManagers($input: AccountManagersInput!) {\n    assignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      removedAssignments\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignAccountManagers($input: AccountManagersInput!) {\n    unassignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignAccountManagers($input: AccountManagersInput!) {\n    unassignAccountManagers(input: $input) {\n      customers { id accountManagers { id fullName email } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerImportResultFields on CustomerImportResult {\n    dryRun applied columns rowCount rowErrorCount\n    mapping { column field }\n    customersCreated customersUpdated customersUnchanged contactsCreated contactsUpdated contactsUnchanged\n    rowErrors { row column field code message }\n  }\n"): (typeof documents)["\n  fragment CustomerImportResultFields on CustomerImportResult {\n    dryRun applied columns rowCount rowErrorCount\n    mapping { column field }\n    customersCreated customersUpdated customersUnchanged contactsCreated contactsUpdated contactsUnchanged\n    rowErrors { row column field code message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckCustomerImport($input: CustomerImportInput!) {\n    checkCustomerImport(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation CheckCustomerImport($input: CustomerImportInput!) {\n    checkCustomerImport(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCustomers($input: CustomerImportInput!) {\n    importCustomers(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCustomers($input: CustomerImportInput!) {\n    importCustomers(input: $input) {\n      result { ...CustomerImportResultFields }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FolderFields on Folder {\n    id name kind date parentId clientAccess allContacts documentCount canUpload canManagePermissions\n    sender { id fullName }\n    contacts { id fullName }\n  }\n"): (typeof documents)["\n  fragment FolderFields on Folder {\n    id name kind date parentId clientAccess allContacts documentCount canUpload canManagePermissions\n    sender { id fullName }\n    contacts { id fullName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerFolders($id: ID!) {\n    customer(id: $id) {\n      id name primaryContactManagesPermissions\n      hub { id permissionContacts { id fullName } folders { ...FolderFields } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerFolders($id: ID!) {\n    customer(id: $id) {\n      id name primaryContactManagesPermissions\n      hub { id permissionContacts { id fullName } folders { ...FolderFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFolders {\n    myHub { id permissionContacts { id fullName } folders { ...FolderFields } }\n  }\n"): (typeof documents)["\n  query MyFolders {\n    myHub { id permissionContacts { id fullName } folders { ...FolderFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FolderDocuments($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Folder {\n        id documentCount\n        documents(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              id name contentType sizeBytes createdAt version uploadedByCustomer\n              versions { id number name sizeBytes createdAt replacedAt }\n            }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FolderDocuments($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Folder {\n        id documentCount\n        documents(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              id name contentType sizeBytes createdAt version uploadedByCustomer\n              versions { id number name sizeBytes createdAt replacedAt }\n            }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFolder($input: CreateFolderInput!) {\n    createFolder(input: $input) { folder { ...FolderFields } hub { id } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CreateFolder($input: CreateFolderInput!) {\n    createFolder(input: $input) { folder { ...FolderFields } hub { id } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameFolder($input: RenameFolderInput!) {\n    renameFolder(input: $input) { folder { id name } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RenameFolder($input: RenameFolderInput!) {\n    renameFolder(input: $input) { folder { id name } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveFolder($input: MoveFolderInput!) {\n    moveFolder(input: $input) { folder { id parentId } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation MoveFolder($input: MoveFolderInput!) {\n    moveFolder(input: $input) { folder { id parentId } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFolder($input: FolderIdInput!) {\n    deleteFolder(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation DeleteFolder($input: FolderIdInput!) {\n    deleteFolder(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFolderPermissions($input: SetFolderPermissionsInput!) {\n    setFolderPermissions(input: $input) { folder { ...FolderFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SetFolderPermissions($input: SetFolderPermissionsInput!) {\n    setFolderPermissions(input: $input) { folder { ...FolderFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryContactManagesPermissions($input: SetPrimaryContactManagesPermissionsInput!) {\n    setPrimaryContactManagesPermissions(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SetPrimaryContactManagesPermissions($input: SetPrimaryContactManagesPermissionsInput!) {\n    setPrimaryContactManagesPermissions(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadDocuments($input: UploadDocumentsInput!) {\n    uploadDocuments(input: $input) { documents { id name } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation UploadDocuments($input: UploadDocumentsInput!) {\n    uploadDocuments(input: $input) { documents { id name } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplaceDocument($input: ReplaceDocumentInput!) {\n    replaceDocument(input: $input) { document { id version } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ReplaceDocument($input: ReplaceDocumentInput!) {\n    replaceDocument(input: $input) { document { id version } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDocumentVersion($input: OpenDocumentVersionInput!) {\n    openDocumentVersion(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDocumentVersion($input: OpenDocumentVersionInput!) {\n    openDocumentVersion(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffHub($id: ID!) {\n    hub(id: $id) {\n      id createdAt\n      customer { id name }\n      insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      folders {\n        id name date createdAt\n        sender { id fullName }\n        documentCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffHub($id: ID!) {\n    hub(id: $id) {\n      id createdAt\n      customer { id name }\n      insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      folders {\n        id name date createdAt\n        sender { id fullName }\n        documentCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffHubFolderDocuments($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on Folder {\n        documents(first: $first, after: $after) {\n          edges { node { id name contentType sizeBytes createdAt insights { views downloads prints sharedWithColleagues } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffHubFolderDocuments($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on Folder {\n        documents(first: $first, after: $after) {\n          edges { node { id name contentType sizeBytes createdAt insights { views downloads prints sharedWithColleagues } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffDocumentInsights($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Document {\n        insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffDocumentInsights($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Document {\n        insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDocument($input: OpenDocumentInput!) {\n    openDocument(input: $input) {\n      document { id name contentType sizeBytes }\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDocument($input: OpenDocumentInput!) {\n    openDocument(input: $input) {\n      document { id name contentType sizeBytes }\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Libraries {\n    libraries { id name description publicationCount }\n  }\n"): (typeof documents)["\n  query Libraries {\n    libraries { id name description publicationCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Publications($first: Int, $search: String, $libraryIds: [ID!]) {\n    publications(first: $first, search: $search, libraryIds: $libraryIds) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title tags contentType sizeBytes createdAt library { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Publications($first: Int, $search: String, $libraryIds: [ID!]) {\n    publications(first: $first, search: $search, libraryIds: $libraryIds) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title tags contentType sizeBytes createdAt library { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLibrary($input: CreateLibraryInput!) {\n    createLibrary(input: $input) {\n      library { id name description publicationCount }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLibrary($input: CreateLibraryInput!) {\n    createLibrary(input: $input) {\n      library { id name description publicationCount }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPublication($input: AddPublicationInput!) {\n    addPublication(input: $input) {\n      publication { id title tags contentType sizeBytes createdAt library { id name } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddPublication($input: AddPublicationInput!) {\n    addPublication(input: $input) {\n      publication { id title tags contentType sizeBytes createdAt library { id name } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPublication($input: OpenPublicationInput!) {\n    openPublication(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenPublication($input: OpenPublicationInput!) {\n    openPublication(input: $input) {\n      viewUrl downloadUrl expiresAt\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotificationSettings {\n    myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n  }\n"): (typeof documents)["\n  query MyNotificationSettings {\n    myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      notificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      notificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvoices {\n    invoices(first: 200) {\n      edges { node { id number amount openAmount currency issuedOn dueOn status hasPdf pdfUrl } }\n    }\n  }\n"): (typeof documents)["\n  query MyInvoices {\n    invoices(first: 200) {\n      edges { node { id number amount openAmount currency issuedOn dueOn status hasPdf pdfUrl } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemHubLink($input: RedeemHubLinkInput!) {\n    redeemHubLink(input: $input) {\n      state\n      needsPassword\n      firstName\n      organizationName\n      hasPassword\n      viewer { kind contact { id firstName fullName email } }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemHubLink($input: RedeemHubLinkInput!) {\n    redeemHubLink(input: $input) {\n      state\n      needsPassword\n      firstName\n      organizationName\n      hasPassword\n      viewer { kind contact { id firstName fullName email } }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HubLinkLogIn($input: HubLinkLogInInput!) {\n    hubLinkLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation HubLinkLogIn($input: HubLinkLogInInput!) {\n    hubLinkLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestHubSignInCode($input: HubLinkTokenInput!) {\n    requestHubSignInCode(input: $input) { sentTo errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RequestHubSignInCode($input: HubLinkTokenInput!) {\n    requestHubSignInCode(input: $input) { sentTo errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInWithHubCode($input: SignInWithHubCodeInput!) {\n    signInWithHubCode(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SignInWithHubCode($input: SignInWithHubCodeInput!) {\n    signInWithHubCode(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestHubPasswordReset($input: RequestHubPasswordResetInput!) {\n    requestHubPasswordReset(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RequestHubPasswordReset($input: RequestHubPasswordResetInput!) {\n    requestHubPasswordReset(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetHubPassword($input: ResetHubPasswordInput!) {\n    resetHubPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ResetHubPassword($input: ResetHubPasswordInput!) {\n    resetHubPassword(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetContactPassword($input: SetContactPasswordInput!) {\n    setContactPassword(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SetContactPassword($input: SetContactPasswordInput!) {\n    setContactPassword(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HubLogIn($input: HubLogInInput!) {\n    hubLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation HubLogIn($input: HubLogInInput!) {\n    hubLogIn(input: $input) { viewer { kind } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenHub {\n    openHub { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation OpenHub {\n    openHub { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubChrome {\n    myHub { id language branding { name logoUrl } }\n  }\n"): (typeof documents)["\n  query HubChrome {\n    myHub { id language branding { name logoUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHub {\n    myHub {\n      id\n      modules\n      customer { id name }\n      folders {\n        id name date kind\n        sender { id fullName email }\n        documents(first: 200) { edges { node { id name contentType sizeBytes createdAt } } }\n        shares { id message createdAt sender { id fullName } documents { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyHub {\n    myHub {\n      id\n      modules\n      customer { id name }\n      folders {\n        id name date kind\n        sender { id fullName email }\n        documents(first: 200) { edges { node { id name contentType sizeBytes createdAt } } }\n        shares { id message createdAt sender { id fullName } documents { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDocumentPrint($input: RecordDocumentPrintInput!) {\n    recordDocumentPrint(input: $input) { ok errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RecordDocumentPrint($input: RecordDocumentPrintInput!) {\n    recordDocumentPrint(input: $input) { ok errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareWithColleague($input: ShareWithColleagueInput!) {\n    shareWithColleague(input: $input) {\n      contact { id fullName email }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareWithColleague($input: ShareWithColleagueInput!) {\n    shareWithColleague(input: $input) {\n      contact { id fullName email }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestQuoteAcceptanceCode($input: RequestQuoteAcceptanceCodeInput!) {\n    requestQuoteAcceptanceCode(input: $input) { sentTo errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RequestQuoteAcceptanceCode($input: RequestQuoteAcceptanceCodeInput!) {\n    requestQuoteAcceptanceCode(input: $input) { sentTo errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptQuote($input: AcceptQuoteInput!) {\n    acceptQuote(input: $input) { acceptance { id } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation AcceptQuote($input: AcceptQuoteInput!) {\n    acceptQuote(input: $input) { acceptance { id } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineQuote($input: DeclineQuoteInput!) {\n    declineQuote(input: $input) { quoteId errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation DeclineQuote($input: DeclineQuoteInput!) {\n    declineQuote(input: $input) { quoteId errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenQuoteLink($input: OpenQuoteLinkInput!) {\n    openQuoteLink(input: $input) { quoteId errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation OpenQuoteLink($input: OpenQuoteLinkInput!) {\n    openQuoteLink(input: $input) { quoteId errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HubQuoteFields on Quote {\n    id number title status amount currency message expiresOn declinedAt versionNumber\n    sender { id fullName }\n    currentVersion {\n      id number filename contentType sizeBytes viewUrl downloadUrl\n      attachments { id filename contentType sizeBytes viewUrl downloadUrl }\n    }\n  }\n"): (typeof documents)["\n  fragment HubQuoteFields on Quote {\n    id number title status amount currency message expiresOn declinedAt versionNumber\n    sender { id fullName }\n    currentVersion {\n      id number filename contentType sizeBytes viewUrl downloadUrl\n      attachments { id filename contentType sizeBytes viewUrl downloadUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyQuotes {\n    myHub { id modules }\n    myQuotes { id number title status amount currency expiresOn }\n  }\n"): (typeof documents)["\n  query MyQuotes {\n    myHub { id modules }\n    myQuotes { id number title status amount currency expiresOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubQuote($id: ID!) {\n    quote(id: $id) { ...HubQuoteFields }\n    quoteAcceptance(quoteId: $id) { id fullName acceptedAt certificateUrl }\n  }\n"): (typeof documents)["\n  query HubQuote($id: ID!) {\n    quote(id: $id) { ...HubQuoteFields }\n    quoteAcceptance(quoteId: $id) { id fullName acceptedAt certificateUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteLinkIntro($token: String!) {\n    quoteLinkIntro(token: $token) { language }\n  }\n"): (typeof documents)["\n  query QuoteLinkIntro($token: String!) {\n    quoteLinkIntro(token: $token) { language }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteVisit {\n    quoteVisit { quoteId language organization { name logoUrl } }\n  }\n"): (typeof documents)["\n  query QuoteVisit {\n    quoteVisit { quoteId language organization { name logoUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules\n      contacts { id fullName email hubAccess isPrimary }\n    }\n  }\n"): (typeof documents)["\n  query QuoteCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess modules\n      contacts { id fullName email hubAccess isPrimary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteCustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n"): (typeof documents)["\n  query QuoteCustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteFilterChoices {\n    customers(first: 200) { edges { node { id name } } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n"): (typeof documents)["\n  query QuoteFilterChoices {\n    customers(first: 200) { edges { node { id name } } }\n    members(first: 200) { edges { node { id fullName isActive } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateQuoteLink($input: CreateQuoteLinkInput!) {\n    createQuoteLink(input: $input) { url link { id createdAt expiresAt revokedAt lastOpenedAt } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CreateQuoteLink($input: CreateQuoteLinkInput!) {\n    createQuoteLink(input: $input) { url link { id createdAt expiresAt revokedAt lastOpenedAt } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {\n    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {\n    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteListFields on Quote {\n    id number title status amount currency expiresOn sentAt openedAt createdAt\n    customer { id name }\n    sender { id fullName }\n  }\n"): (typeof documents)["\n  fragment QuoteListFields on Quote {\n    id number title status amount currency expiresOn sentAt openedAt createdAt\n    customer { id name }\n    sender { id fullName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quotes($first: Int, $status: [QuoteStatus!], $customerId: ID, $senderId: ID, $notOpenedForDays: Int) {\n    quotes(first: $first, status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $notOpenedForDays) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...QuoteListFields } }\n    }\n  }\n"): (typeof documents)["\n  query Quotes($first: Int, $status: [QuoteStatus!], $customerId: ID, $senderId: ID, $notOpenedForDays: Int) {\n    quotes(first: $first, status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $notOpenedForDays) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...QuoteListFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteEventFields on ActivityEvent { id kind occurredAt actorName detail quote { id } }\n"): (typeof documents)["\n  fragment QuoteEventFields on ActivityEvent { id kind occurredAt actorName detail quote { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      id number title status visibility amount currency message language expiresOn removeAfterDays notifyOnPublish\n      remindUnopenedDays remindUnacceptedDays remindBeforeExpiryDays declineReason\n      sentAt openedAt downloadedAt acceptedAt declinedAt expiredAt archivedAt createdAt\n      customer { id name }\n      contact { id fullName email }\n      recipients { id fullName }\n      sender { id fullName }\n      currentVersion {\n        id number filename downloadUrl\n        attachments { id filename contentType sizeBytes downloadUrl }\n      }\n      versions { id number filename sizeBytes sha256 createdAt frozen downloadUrl createdBy { fullName } }\n      events { ...QuoteEventFields }\n      links { id createdAt expiresAt revokedAt lastOpenedAt }\n    }\n    quoteAcceptance(quoteId: $id) { id fullName email acceptedAt versionNumber versionSha256 ip userAgent codeSentTo certificateId certificateUrl }\n  }\n"): (typeof documents)["\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      id number title status visibility amount currency message language expiresOn removeAfterDays notifyOnPublish\n      remindUnopenedDays remindUnacceptedDays remindBeforeExpiryDays declineReason\n      sentAt openedAt downloadedAt acceptedAt declinedAt expiredAt archivedAt createdAt\n      customer { id name }\n      contact { id fullName email }\n      recipients { id fullName }\n      sender { id fullName }\n      currentVersion {\n        id number filename downloadUrl\n        attachments { id filename contentType sizeBytes downloadUrl }\n      }\n      versions { id number filename sizeBytes sha256 createdAt frozen downloadUrl createdBy { fullName } }\n      events { ...QuoteEventFields }\n      links { id createdAt expiresAt revokedAt lastOpenedAt }\n    }\n    quoteAcceptance(quoteId: $id) { id fullName email acceptedAt versionNumber versionSha256 ip userAgent codeSentTo certificateId certificateUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnQuoteEvents($quoteId: ID) {\n    activity(quoteId: $quoteId) { resync event { ...QuoteEventFields } }\n  }\n"): (typeof documents)["\n  subscription OnQuoteEvents($quoteId: ID) {\n    activity(quoteId: $quoteId) { resync event { ...QuoteEventFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishQuote($input: QuoteIdInput!) {\n    publishQuote(input: $input) { quote { id status sentAt } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation PublishQuote($input: QuoteIdInput!) {\n    publishQuote(input: $input) { quote { id status sentAt } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddQuoteVersion($input: AddQuoteVersionInput!) {\n    addQuoteVersion(input: $input) { quote { id } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation AddQuoteVersion($input: AddQuoteVersionInput!) {\n    addQuoteVersion(input: $input) { quote { id } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveQuote($input: QuoteIdInput!) {\n    archiveQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ArchiveQuote($input: QuoteIdInput!) {\n    archiveQuote(input: $input) { quote { id status } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextQuoteNumber {\n    nextQuoteNumber\n  }\n"): (typeof documents)["\n  query NextQuoteNumber {\n    nextQuoteNumber\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portfolio($memberId: ID) {\n    portfolio(memberId: $memberId) {\n      member { id fullName }\n      rows {\n        customer { id name }\n        openInvoices\n        open { currency amount }\n        overdue { currency amount }\n        lastContactActivityAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Portfolio($memberId: ID) {\n    portfolio(memberId: $memberId) {\n      member { id fullName }\n      rows {\n        customer { id name }\n        openInvoices\n        open { currency amount }\n        overdue { currency amount }\n        lastContactActivityAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceFields on Invoice {\n    id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened firstOpenedAt hasPdf pdfUrl\n    customer { id name }\n  }\n"): (typeof documents)["\n  fragment InvoiceFields on Invoice {\n    id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened firstOpenedAt hasPdf pdfUrl\n    customer { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $accountManagerId: ID, $overdue: Boolean, $opened: Boolean) {\n    invoices(first: $first, after: $after, status: $status, customerId: $customerId, accountManagerId: $accountManagerId, overdue: $overdue, opened: $opened) {\n      totalCount\n      totals { currency amount paid open count }\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...InvoiceFields } }\n    }\n  }\n"): (typeof documents)["\n  query Invoices($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $accountManagerId: ID, $overdue: Boolean, $opened: Boolean) {\n    invoices(first: $first, after: $after, status: $status, customerId: $customerId, accountManagerId: $accountManagerId, overdue: $overdue, opened: $opened) {\n      totalCount\n      totals { currency amount paid open count }\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...InvoiceFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceCustomers($search: String) {\n    customers(first: 200, search: $search) { totalCount edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query InvoiceCustomers($search: String) {\n    customers(first: 200, search: $search) { totalCount edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvoice($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CreateInvoice($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseInvoice($input: PauseInvoiceInput!) {\n    pauseInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation PauseInvoice($input: PauseInvoiceInput!) {\n    pauseInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($input: InvoiceIdInput!) {\n    voidInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation VoidInvoice($input: InvoiceIdInput!) {\n    voidInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInvoice($input: InvoiceIdInput!) {\n    deleteInvoice(input: $input) { deletedInvoiceId errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation DeleteInvoice($input: InvoiceIdInput!) {\n    deleteInvoice(input: $input) { deletedInvoiceId errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachInvoicePdf($input: AttachInvoicePdfInput!) {\n    attachInvoicePdf(input: $input) { invoice { id hasPdf pdfUrl } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation AttachInvoicePdf($input: AttachInvoicePdfInput!) {\n    attachInvoicePdf(input: $input) { invoice { id hasPdf pdfUrl } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceImportResultFields on InvoiceImportResult {\n    dryRun applied columns rowCount created updated unchanged rowErrorCount\n    mapping { column field }\n    rowErrors { row column code message }\n  }\n"): (typeof documents)["\n  fragment InvoiceImportResultFields on InvoiceImportResult {\n    dryRun applied columns rowCount created updated unchanged rowErrorCount\n    mapping { column field }\n    rowErrors { row column code message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckInvoiceImport($input: InvoiceImportInput!) {\n    checkInvoiceImport(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CheckInvoiceImport($input: InvoiceImportInput!) {\n    checkInvoiceImport(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportInvoices($input: InvoiceImportInput!) {\n    importInvoices(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ImportInvoices($input: InvoiceImportInput!) {\n    importInvoices(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflows {\n    reminderWorkflows {\n      id name isDefault\n      steps { id offsetDays kind copyAccountManager actionKind actionText actionDueDays templates { language subject body } }\n    }\n  }\n"): (typeof documents)["\n  query Workflows {\n    reminderWorkflows {\n      id name isDefault\n      steps { id offsetDays kind copyAccountManager actionKind actionText actionDueDays templates { language subject body } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWorkflow($input: SaveReminderWorkflowInput!) {\n    saveReminderWorkflow(input: $input) { reminderWorkflow { id } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SaveWorkflow($input: SaveReminderWorkflowInput!) {\n    saveReminderWorkflow(input: $input) { reminderWorkflow { id } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkflow($input: DeleteReminderWorkflowInput!) {\n    deleteReminderWorkflow(input: $input) { deletedId errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation DeleteWorkflow($input: DeleteReminderWorkflowInput!) {\n    deleteReminderWorkflow(input: $input) { deletedId errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerReceivables($id: ID!) {\n    customer(id: $id) {\n      id remindersPaused\n      reminderWorkflow { id name }\n    }\n    reminderWorkflows { id name isDefault }\n  }\n"): (typeof documents)["\n  query CustomerReceivables($id: ID!) {\n    customer(id: $id) {\n      id remindersPaused\n      reminderWorkflow { id name }\n    }\n    reminderWorkflows { id name isDefault }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCustomerReminders($input: SetCustomerRemindersInput!) {\n    setCustomerReminders(input: $input) { customer { id remindersPaused reminderWorkflow { id name } } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation SetCustomerReminders($input: SetCustomerRemindersInput!) {\n    setCustomerReminders(input: $input) { customer { id remindersPaused reminderWorkflow { id name } } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actions($first: Int, $after: String, $status: ActionStatus, $mine: Boolean) {\n    actions(first: $first, after: $after, status: $status, mine: $mine) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind text dueOn status doneAt note invoiceId invoiceNumber\n          doneBy { id fullName }\n          assignee { id fullName }\n          customer { id name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Actions($first: Int, $after: String, $status: ActionStatus, $mine: Boolean) {\n    actions(first: $first, after: $after, status: $status, mine: $mine) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind text dueOn status doneAt note invoiceId invoiceNumber\n          doneBy { id fullName }\n          assignee { id fullName }\n          customer { id name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAction($input: CompleteActionInput!) {\n    completeAction(input: $input) { action { id status } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation CompleteAction($input: CompleteActionInput!) {\n    completeAction(input: $input) { action { id status } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignAction($input: ReassignActionInput!) {\n    reassignAction(input: $input) { action { id assignee { id fullName } } errors { code field message } }\n  }\n"): (typeof documents)["\n  mutation ReassignAction($input: ReassignActionInput!) {\n    reassignAction(input: $input) { action { id assignee { id fullName } } errors { code field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgingReport {\n    agingReport {\n      accountManager { id fullName } currency notDue days1To30 days31To60 days61To90 over90 total invoiceCount\n    }\n  }\n"): (typeof documents)["\n  query AgingReport {\n    agingReport {\n      accountManager { id fullName } currency notDue days1To30 days31To60 days61To90 over90 total invoiceCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgingInvoices($accountManagerId: ID, $bucket: AgingBucket, $currency: String!, $first: Int) {\n    agingInvoices(accountManagerId: $accountManagerId, bucket: $bucket, currency: $currency, first: $first) {\n      totalCount\n      edges { node { invoiceId number currency amount openAmount dueOn daysOverdue opened firstOpenedAt customerId customerName } }\n    }\n  }\n"): (typeof documents)["\n  query AgingInvoices($accountManagerId: ID, $bucket: AgingBucket, $currency: String!, $first: Int) {\n    agingInvoices(accountManagerId: $accountManagerId, bucket: $bucket, currency: $currency, first: $first) {\n      totalCount\n      edges { node { invoiceId number currency amount openAmount dueOn daysOverdue opened firstOpenedAt customerId customerName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionsReport($from: Date!, $to: Date!) {\n    actionsReport(from: $from, to: $to) { accountManager { id fullName } todo done }\n  }\n"): (typeof documents)["\n  query ActionsReport($from: Date!, $to: Date!) {\n    actionsReport(from: $from, to: $to) { accountManager { id fullName } todo done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    me { member { id firstName lastName email language standardMessage role isAccountManager } }\n    organization { id name languages }\n  }\n"): (typeof documents)["\n  query Settings {\n    me { member { id firstName lastName email language standardMessage role isAccountManager } }\n    organization { id name languages }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMySettings($input: UpdateMySettingsInput!) {\n    updateMySettings(input: $input) {\n      member { id firstName lastName fullName language standardMessage }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMySettings($input: UpdateMySettingsInput!) {\n    updateMySettings(input: $input) {\n      member { id firstName lastName fullName language standardMessage }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SendDialogData {\n    me { member { id language standardMessage } }\n    organization { id languages }\n    invitationTemplates { id language subject }\n  }\n"): (typeof documents)["\n  query SendDialogData {\n    me { member { id language standardMessage } }\n    organization { id languages }\n    invitationTemplates { id language subject }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPicker($search: String) {\n    customers(first: 20, search: $search) {\n      edges { node { id name kind hubAccess } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess\n      contacts { id firstName lastName fullName email hubAccess isPrimary }\n    }\n  }\n"): (typeof documents)["\n  query ShareCustomer($id: ID!) {\n    customer(id: $id) {\n      id name kind hubAccess\n      contacts { id firstName lastName fullName email hubAccess isPrimary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewShare($input: ShareInput!) {\n    previewShare(input: $input) { subject html text }\n  }\n"): (typeof documents)["\n  query PreviewShare($input: ShareInput!) {\n    previewShare(input: $input) { subject html text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareDocuments($input: ShareInput!) {\n    shareDocuments(input: $input) {\n      share { id createdAt documents { id name } recipients { id fullName email } }\n      hub { id }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareDocuments($input: ShareInput!) {\n    shareDocuments(input: $input) {\n      share { id createdAt documents { id name } recipients { id fullName email } }\n      hub { id }\n      errors { code field message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;