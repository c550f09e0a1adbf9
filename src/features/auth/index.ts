/** The auth feature's public module: what other features may use. Everything else is private. */
export {
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  listUsersOfForce,
  updateUser,
} from './accounts.repository.ts';
export { createUser, emailSetupLink, issueSetupLink } from './create-user.ts';
export { hashPassword } from './credentials.ts';
export { accountOf } from './demo-account.ts';
export { errorList } from './form-helpers.ts';
export { principalOf } from './sessions.ts';
