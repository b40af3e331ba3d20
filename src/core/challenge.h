/* Challenges, the pure part: their modes, who may see, create and re-run
 * one, and the ranking rule put into words for the board. The scores and
 * ranks themselves are core/ranking.h's. */
#ifndef CIBLE_CHALLENGE_H
#define CIBLE_CHALLENGE_H
#include <stdbool.h>
#include "core/access.h"
#include "core/buf.h"
#include "core/msg.h"
#include "core/ranking.h"

enum ch_mode { CH_INDIVIDUAL, CH_TEAM, CH_MODE__COUNT };
enum ch_vis { VIS_EVERYONE, VIS_PARTICIPANTS, VIS_MANAGERS, VIS__COUNT };
enum ch_league { LG_NONE, LG_SENIORITY, LG_JOB, LG__COUNT };

const char *ch_mode_name(enum ch_mode m);
int ch_mode_parse(const char *s);
const char *ch_vis_name(enum ch_vis v);
int ch_vis_parse(const char *s);
const char *ch_league_name(enum ch_league l);
int ch_league_parse(const char *s);

/* Who sees a challenge and its board: admin and hr always; with
 * "everyone", anyone of the organisation; with "participants", the
 * participants, its creator and the managers of a participant's unit
 * (participant_managed); with "managers", managers of a participant's unit
 * and its creator. */
bool access_challenge_read(const struct principal *p, enum ch_vis vis, bool participant,
			   bool participant_managed, id_t64 created_by);
/* Create a challenge: admins and managers (on whom they reach: the caller
 * checks each participant with access_challenge_reach). */
bool access_challenge_create(const struct principal *p);
/* A participant unit (a team, a subtree) is within the creator's reach. */
bool access_challenge_reach_unit(const struct principal *p, id_t64 unit);
/* Close a finished challenge: admin or its creator. Re-run a frozen
 * result: admin only. */
bool access_challenge_close(const struct principal *p, id_t64 created_by);
bool access_challenge_rerun(const struct principal *p);

/* The rule in words, as the board shows it: what a score is, and how
 * ties and lower-is-better indicators are handled. */
void challenge_rule_words(struct buf *out, enum rank_rule rule, enum ch_mode mode,
			  enum team_agg agg, bool any_lower, bool several, enum lang lang);
void challenge_tie_words(struct buf *out, enum lang lang);

#endif
