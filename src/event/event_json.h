/* event_json.h - private: the JSON text of events, read (json_in.c) and
 * written (json_out.c) by hand, without jansson trees. */
#ifndef DL_EVENT_JSON_H
#define DL_EVENT_JSON_H

#include "../common/json_scan.h"
#include "../common/util.h"
#include "dipline/event.h"

/* Parse one event from its JSON text (json_in.c; no jansson tree).  On
 * failure ev is cleared, *err_pos is the byte offset of the problem and *why
 * a static reason; DL_ERR_INPUT, or DL_ERR_NOMEM. */
dl_status dl_event_parse(const char *text, size_t len, dl_event *ev, size_t *err_pos, const char **why);
/* The same for an event object at the start of text, followed by anything:
 * *used is the length of the object.  An object cut short by the end of
 * the text fails with *err_pos == len (and only such an object does).
 * With an arena, everything the event holds is allocated in it (the event
 * is borrowed: never dl_event_clear() it); with NULL, it is owned. */
dl_status dl_event_parse_prefix(const char *text, size_t len, dl_event *ev, dl_arena *arena, size_t *used,
                                size_t *err_pos, const char **why);

/* Append the JSON text of ev to b (SPEC field order): compact when indent
 * < 0, else indented by 2 spaces per level with `indent` more spaces at the
 * start of every line after the first.  False when out of memory. */
bool dl_event_json(dl_buf *b, const dl_event *ev, bool explain, int indent);
/* Append an article entry as compact JSON. */
bool dl_article_info_json(dl_buf *b, const dl_article_info *a);
/* Append s as a JSON string ("null" for NULL). */
void dl_json_put_string(dl_buf *b, const char *s);

#endif
