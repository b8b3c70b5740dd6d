import type { ActionRequest } from './message-contract';

/**
 * The one declaration of each action type a person can take on X through Perch: which family of screens shows it,
 * which store it changes, the action that reverses it on X (null: X cannot, or Perch does not keep what it would
 * need), whether Perch asks before taking it, and the words that name it (lib/locales/en.yml). Pure data, so every
 * screen may import it; the X-calling executors live in lib/services/actions.ts, keyed by the same types. Every
 * list of "which actions are undoable / list actions / relation actions" is derived from here.
 */

/** Every action type the message contract accepts. */
export type ActionType = ActionRequest['type'];

/** Which screens show an action: the manager tab or popup section it belongs to. */
export type ActionFamily = 'bookmarks' | 'posts' | 'relations' | 'lists';

/** The stored collection an action changes at once (and a sync of it must re-apply while it waits). */
export type ActionCollection = 'bookmarks' | 'engagements' | 'posts' | 'muted' | 'blocked' | 'following' | 'lists' | 'listMembers';

/** The en.yml key naming an action ("Mute {who}", "Pin “{name}”"): `{who}` is an @username, `{name}` a list's name. */
export type ActionWordsKey = `action_what_${string}`;

export interface ActionTypeInfo {
  family: ActionFamily;
  collection: ActionCollection;
  /** The action that reverses this one on X; null when X cannot (a deleted post or list does not come back). */
  undo: ActionType | null;
  /** Perch asks before taking it, saying what will happen (Block: they can no longer follow you or see your posts). */
  confirm: boolean;
  /** What the action is, in the person's words. */
  what: ActionWordsKey;
  /** The same words for a post action that did not carry its author's @username ("Like a post"). */
  anonymous?: ActionWordsKey;
  /** The Activity log's words, where they differ from `what` ("Change “{name}”"). */
  logged?: ActionWordsKey;
  /**
   * The words for a List action that did not carry the List's name ("Pin list {id}"): pinned or followed from the
   * popup before Perch read the Lists, or a row of another version. Never a made-up name.
   */
  unnamed?: ActionWordsKey;
}

const toggle = (family: ActionFamily, collection: ActionCollection, undo: ActionType, what: ActionWordsKey) =>
  ({ family, collection, undo, confirm: false, what }) as const;

/** A post toggle: its words with the post's author, and without when the action did not carry one. */
const postToggle = (
  family: ActionFamily,
  collection: ActionCollection,
  undo: ActionType,
  what: ActionWordsKey,
  anonymous: ActionWordsKey,
) => ({ ...toggle(family, collection, undo, what), anonymous }) as const;

/** A List toggle: its words with the List's name, and by its id when the action did not carry the name. */
const listToggle = (collection: ActionCollection, undo: ActionType, what: ActionWordsKey, unnamed: ActionWordsKey) =>
  ({ ...toggle('lists', collection, undo, what), unnamed }) as const;

export const ACTION_TYPES = {
  bookmark: postToggle('bookmarks', 'bookmarks', 'unbookmark', 'action_what_bookmark', 'action_what_bookmark_anonymous'),
  unbookmark: postToggle('bookmarks', 'bookmarks', 'bookmark', 'action_what_unbookmark', 'action_what_unbookmark_anonymous'),
  like: postToggle('posts', 'engagements', 'unlike', 'action_what_like', 'action_what_like_anonymous'),
  unlike: postToggle('posts', 'engagements', 'like', 'action_what_unlike', 'action_what_unlike_anonymous'),
  repost: postToggle('posts', 'engagements', 'undoRepost', 'action_what_repost', 'action_what_repost_anonymous'),
  undoRepost: postToggle('posts', 'engagements', 'repost', 'action_what_undo_repost', 'action_what_undo_repost_anonymous'),
  // A deleted post does not come back (x-api--posts--manage-tweets--introduction).
  'post.delete': { family: 'posts', collection: 'posts', undo: null, confirm: false, what: 'action_what_post_delete' },
  mute: toggle('relations', 'muted', 'unmute', 'action_what_mute'),
  unmute: toggle('relations', 'muted', 'mute', 'action_what_unmute'),
  // Blocking someone stops them following you and seeing your posts (x-api--users--blocks--introduction): asked first.
  block: { family: 'relations', collection: 'blocked', undo: 'unblock', confirm: true, what: 'action_what_block' },
  unblock: toggle('relations', 'blocked', 'block', 'action_what_unblock'),
  follow: toggle('relations', 'following', 'unfollow', 'action_what_follow'),
  unfollow: toggle('relations', 'following', 'follow', 'action_what_unfollow'),
  'list.create': toggle('lists', 'lists', 'list.delete', 'action_what_list_create'),
  // A list's old name and description are not kept: a change cannot be reversed.
  'list.update': {
    family: 'lists',
    collection: 'lists',
    undo: null,
    confirm: false,
    what: 'action_what_list_update',
    logged: 'action_what_list_update_logged',
    unnamed: 'action_what_list_update_unnamed',
  },
  'list.delete': {
    family: 'lists',
    collection: 'lists',
    undo: null,
    confirm: false,
    what: 'action_what_list_delete',
    unnamed: 'action_what_list_delete_unnamed',
  },
  'list.pin': listToggle('lists', 'list.unpin', 'action_what_list_pin', 'action_what_list_pin_unnamed'),
  'list.unpin': listToggle('lists', 'list.pin', 'action_what_list_unpin', 'action_what_list_unpin_unnamed'),
  'list.follow': listToggle('lists', 'list.unfollow', 'action_what_list_follow', 'action_what_list_follow_unnamed'),
  'list.unfollow': listToggle('lists', 'list.follow', 'action_what_list_unfollow', 'action_what_list_unfollow_unnamed'),
  'list.addMember': listToggle('listMembers', 'list.removeMember', 'action_what_list_add_member', 'action_what_list_add_member_unnamed'),
  'list.removeMember': listToggle(
    'listMembers',
    'list.addMember',
    'action_what_list_remove_member',
    'action_what_list_remove_member_unnamed',
  ),
} as const satisfies Record<ActionType, ActionTypeInfo>;

const TYPES = Object.keys(ACTION_TYPES) as ActionType[];

/** Whether a string from storage (an action row's type) is an action type Perch knows. */
export function isActionType(type: string): type is ActionType {
  return Object.hasOwn(ACTION_TYPES, type);
}

/** The action types of one family (the Lists tab follows every list action). */
export function typesOfFamily(family: ActionFamily): ActionType[] {
  return TYPES.filter((t) => ACTION_TYPES[t].family === family);
}

/** The action types that change one stored collection (a sync of it re-applies those still waiting). */
export function typesOfCollection(...collections: ActionCollection[]): ActionType[] {
  return TYPES.filter((t) => collections.includes(ACTION_TYPES[t].collection));
}

/** Whether X can reverse an action of this type at all (the background has the last word on each action). */
export function isUndoable(type: string): boolean {
  return isActionType(type) && ACTION_TYPES[type].undo !== null;
}

/** Whether an action of this type is for good: nothing Perch can send brings back what it removes or changes. */
export function isIrreversible(type: string): boolean {
  return isActionType(type) && ACTION_TYPES[type].undo === null;
}

/**
 * Whether what X answered to a done action leaves Undo a guess, though its type can be reversed: a follow X left
 * pending — a protected account's request, which X documents no way to withdraw through the API
 * (x-api--users--follows--quickstart: "`pending_follow` will be `true` until the follow request is approved") — or
 * one X answered without saying following or pending (both optional in UsersFollowingCreateResponse), which may be
 * such a request. Undo would send DELETE following (x-api--users--unfollow-user: "unfollow a specific user"), which X
 * does not say withdraws a request. The relation's own button says what X holds once the next read asks X.
 */
export function undoIsGuess(type: string, result: Readonly<Record<string, unknown>> | undefined): boolean {
  return type === 'follow' && (result?.pendingFollow === true || result?.unsaid === true);
}
