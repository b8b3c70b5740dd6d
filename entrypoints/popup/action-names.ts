import { i18n } from '#i18n';

/**
 * The label of the button that asks for each action type, as the popup's panels show it: a note names its action by
 * it ("Like: Sending to X…"), so a note read apart from its button still says which action it is about.
 */
export type ActionNames = Readonly<Record<string, string>>;

/** A post's buttons; with its author's (Mute @name, Block @name) when the post is not your own. */
export function postActionNames(author: string | undefined): ActionNames {
  return {
    bookmark: i18n.t('popup_bookmark'),
    unbookmark: i18n.t('popup_remove_bookmark'),
    repost: i18n.t('popup_repost'),
    undoRepost: i18n.t('popup_undo_repost'),
    like: i18n.t('popup_like'),
    unlike: i18n.t('popup_unlike'),
    'post.delete': i18n.t('popup_delete_post'),
    ...(author === undefined
      ? {}
      : {
          mute: i18n.t('popup_mute_user', [author]),
          unmute: i18n.t('popup_unmute_user', [author]),
          block: i18n.t('popup_block_user', [author]),
          unblock: i18n.t('popup_unblock_user', [author]),
        }),
  };
}

/** A profile's buttons. */
export function profileActionNames(): ActionNames {
  return {
    follow: i18n.t('popup_follow'),
    unfollow: i18n.t('popup_unfollow'),
    mute: i18n.t('popup_mute'),
    unmute: i18n.t('popup_unmute'),
    block: i18n.t('popup_block'),
    unblock: i18n.t('popup_unblock'),
  };
}
