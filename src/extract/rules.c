/* rules.c - loading the extractor's rule lists (see rules.h). */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "dipline/text.h"

static void add_word(void *ctx, const char *norm, size_t len, const dl_token *tok) {
    (void)tok;
    rule_phrase *ph = ctx;
    if (ph->n < RULE_WORDS && len < sizeof ph->words[0]) {
        memcpy(ph->words[ph->n], norm, len);
        ph->words[ph->n][len] = 0;
        ph->n++;
    }
}

/* Each non-comment line of data/<name>, trimmed; calls fn(line). */
static dl_status each_line(const char *name, rules *r, dl_status (*fn)(rules *, char *, long, dl_error *),
                           dl_error *err) {
    size_t len;
    const char *text = dl_data_get(name, &len);
    if (!text) return DL_OK;
    const char *p = text, *end = text + len;
    long line = 0;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        line++;
        char buf[512];
        size_t n = (size_t)(e - p);
        if (n >= sizeof buf) n = sizeof buf - 1;
        memcpy(buf, p, n);
        buf[n] = 0;
        char *hash = strchr(buf, '#');
        if (hash) *hash = 0;
        char *s = buf;
        while (*s == ' ' || *s == '\t') s++;
        size_t l = strlen(s);
        while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r')) s[--l] = 0;
        if (l) {
            dl_status st = fn(r, s, line, err);
            if (st != DL_OK) return st;
        }
        p = e + 1;
    }
    return DL_OK;
}

static dl_status noise_line(rules *r, char *s, long line, dl_error *err) {
    noise_rule nr = {0};
    if (strncmp(s, "start ", 6) == 0) nr.kind = NOISE_START, s += 6;
    else if (strncmp(s, "contains ", 9) == 0) nr.kind = NOISE_CONTAINS, s += 9;
    else if (dl_streq(s, "paren")) nr.kind = NOISE_PAREN, s += 5;
    else return dl_error_set(err, DL_ERR_INPUT, "data/noise.txt", line, -1, "expected start, contains or paren");
    dl_text_tokens(s, strlen(s), add_word, &nr.ph);
    if (!vec_push(&r->noise, nr)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    return DL_OK;
}

static dl_status desc_line(rules *r, char *s, long line, dl_error *err) {
    char *arrow = strstr(s, "->");
    if (!arrow) return dl_error_set(err, DL_ERR_INPUT, "data/descriptions.txt", line, -1, "expected PHRASE -> TARGET");
    *arrow = 0;
    char *t = arrow + 2;
    while (*t == ' ') t++;
    desc_rule d = {0};
    char *sp = strchr(t, ' ');
    if (sp) { /* an office the people must hold */
        *sp = 0;
        char *r = sp + 1;
        while (*r == ' ') r++;
        snprintf(d.role, sizeof d.role, "%s", r);
    }
    dl_text_tokens(s, strlen(s), add_word, &d.ph);
    if (dl_streq(t, "@country")) d.kind = DESC_COUNTRY;
    else if (dl_streq(t, "@org")) d.kind = DESC_ORG;
    else if (dl_streq(t, "@person")) d.kind = DESC_PERSON;
    else if (dl_streq(t, "@persons2")) d.kind = DESC_PERSONS2;
    else if (dl_streq(t, "@countries2")) d.kind = DESC_COUNTRIES2;
    else if (dl_streq(t, "@place")) d.kind = DESC_PLACE;
    else {
        d.kind = DESC_CODE;
        snprintf(d.code, sizeof d.code, "%s", t);
    }
    if (!d.ph.n || !vec_push(&r->desc, d)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    return DL_OK;
}

static dl_status leader_line(rules *r, char *s, long line, dl_error *err) {
    if (strncmp(s, "head_of_government", 18) != 0)
        return dl_error_set(err, DL_ERR_INPUT, "data/leader_roles.txt", line, -1, "expected head_of_government CODE ...");
    char *save = NULL;
    for (char *w = strtok_r(s + 18, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        char *c = dl_strdup(w);
        if (!c || !vec_push(&r->hog, c)) {
            free(c);
            return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        }
    }
    return DL_OK;
}

uint32_t rule_hash(const char *w) { return rule_hash_of(dl_text_hash(w, strlen(w))); }

/* The words of the RULE_LIST_* lists (normalised forms). */
static const char *const office_qualifiers[] = {
    "deputy", "vice", "former", "ex", "acting", "interim", "outgoing", "incoming", "junior", "assistant",
    "under", "then", "first", "second", "late", "future", "ex-", "co", "associate", "shadow", NULL};

static const char *const plain_adjectives[] = {
    "senior", "top", "new", "current", "visiting", "fellow", "chief", "leading", "high-ranking", "high",
    "ranking", "powerful", "veteran", "hawkish", "longtime", "long-time", "embattled", "influential", "two",
    "three", "several", "some", "many", "other", "all", "both", "unnamed", "anonymous", "local", "regional",
    "federal", "national", "central", "military", "elite", "special", "additional", "more", "heavily", "armed",
    NULL};

static const char *const noun_adjectives[] = {
    "severe", "tough", "new", "fresh", "further", "harsh", "crippling", "massive", "strong", "sweeping",
    "broad", "wide", "heavy", "major", "serious", "stiff", "punishing", "painful", "targeted", "more",
    "additional", "unprecedented", "possible", "direct", "renewed", "high-level", "face-to-face", "tense",
    "fierce", NULL};

static const char *const compass_words[] = {"northern", "southern", "eastern", "western", "central",
                                            "northeastern", "northwestern", "southeastern", "southwestern",
                                            "north", "south", "east", "west", "occupied", "neighbouring",
                                            "neighboring", "rural", "coastal", NULL};

static const char *const weekdayish[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "today", "yesterday", "tonight", "tomorrow", "earlier", "later", NULL};

static const char *const *list_words(int list) {
    switch (list) {
    case RULE_LIST_QUALIFIER: return office_qualifiers;
    case RULE_LIST_PLAIN_ADJ: return plain_adjectives;
    case RULE_LIST_NOUN_ADJ: return noun_adjectives;
    case RULE_LIST_COMPASS: return compass_words;
    default: return weekdayish;
    }
}

bool rule_listed(const rules *r, int list, uint32_t hash, const char *w) {
    if (!(r->listed[hash & (RULE_LIST_SLOTS - 1)] & list)) return false; /* most words */
    for (const char *const *p = list_words(list); *p; p++)
        if (**p == *w && dl_streq(*p, w)) return true;
    return false;
}

/* Chain the rules by first word, each chain in file order. */
static void index_rules(rules *r) {
    for (size_t b = 0; b < RULE_BUCKETS; b++) r->noise_first[b] = r->desc_first[b] = RULE_END;
    r->noise_any = RULE_END;
    for (size_t k = r->noise.n; k-- > 0;) {
        noise_rule *nr = &r->noise.v[k];
        uint32_t *head = nr->ph.n ? &r->noise_first[rule_bucket(nr->ph.words[0])] : &r->noise_any;
        nr->next = *head;
        *head = (uint32_t)k;
    }
    for (int list = RULE_LIST_QUALIFIER; list <= RULE_LIST_LAST; list <<= 1)
        for (const char *const *p = list_words(list); *p; p++) r->listed[rule_hash(*p) & (RULE_LIST_SLOTS - 1)] |= (uint8_t)list;
    for (size_t k = r->desc.n; k-- > 0;) {
        desc_rule *d = &r->desc.v[k];
        uint32_t *head = &r->desc_first[rule_bucket(d->ph.words[0])]; /* every rule has words */
        d->next = *head;
        *head = (uint32_t)k;
    }
}

dl_status rules_load(rules *r, dl_error *err) {
    memset(r, 0, sizeof *r);
    dl_status st = each_line("noise.txt", r, noise_line, err);
    if (st == DL_OK) st = each_line("descriptions.txt", r, desc_line, err);
    if (st == DL_OK) st = each_line("leader_roles.txt", r, leader_line, err);
    if (st == DL_OK) index_rules(r);
    return st;
}

void rules_free(rules *r) {
    free(r->noise.v);
    free(r->desc.v);
    for (size_t i = 0; i < r->hog.n; i++) free(r->hog.v[i]);
    free(r->hog.v);
    memset(r, 0, sizeof *r);
}
