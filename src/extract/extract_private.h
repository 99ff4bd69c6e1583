/* extract_private.h - private functions of src/extract/, one group per
 * file (see coder.h for the shared state). */
#ifndef DL_EXTRACT_PRIVATE_H
#define DL_EXTRACT_PRIVATE_H

#include "coder.h"
#include "rules.h"

/* extract.c */
const rules *extractor_rules(const dl_extractor *x);
bool extractor_explain(const dl_extractor *x);
bool extractor_all_modalities(const dl_extractor *x);
/* The date of an event whose verb group is g (in sentence s): the
 * governing time expression, else (a past-tense verb) the article's
 * narrative date, else the publication date. */
void event_date(const article_ctx *c, uint32_t s, const vgroup *g, dl_when *when, const char **basis,
                size_t *basis_len, bool *inferred);

/* words.c */
void tag_words(article_ctx *c);
bool sentence_is_noise(const article_ctx *c, uint32_t s);

/* mentions.c */
/* Nouns for places: "the city of Hebron", "the streets of Kabul". */
extern const char *const place_nouns[];
dl_status find_mentions(article_ctx *c, uint32_t s);
void resolve_first_person(article_ctx *c);
void find_publisher(article_ctx *c);

/* vgroups.c */
dl_status find_vgroups(article_ctx *c, uint32_t s);

/* coder.c */
void code_link_groups(article_ctx *c, uint32_t s);
void find_speakers(article_ctx *c);
void resolve_second_person(article_ctx *c);
dl_status code_sentence(article_ctx *c, uint32_t s);

#endif
