/* petrarch.h - PETRARCH-2 / TABARI dictionaries (petrarch.c), private to
 * src/lexicon/. */
#ifndef DL_LEXICON_PETRARCH_H
#define DL_LEXICON_PETRARCH_H

#include "lexicon_private.h"

/* A dictionary loader (dl_lex_load_actors and the others). */
typedef dl_status (*dl_lex_loader)(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);

/* The loader for a user's dictionary file: `ours` (dl_lex_load_actors,
 * _agents or _verbs) when the text is in dipline's format, else the
 * PETRARCH reader for the same kind.  Told by content: dipline's actor
 * files start with COUNTRY/ORG/PERSON records, its agent files with AGENT;
 * PETRARCH verb files have XML comment lines. */
dl_lex_loader dl_petr_loader(dl_lex_loader ours, const char *text, size_t len);

dl_status dl_petr_load_actors(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_petr_load_agents(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_petr_load_verbs(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);

#endif
