/* Unit tests: PETRARCH-2 dictionaries read by the lexicon
 * (lexicon/petrarch.c), on the small files of tests/data/petrarch. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "dipline/lexicon.h"

static dl_lexicon *load(void) {
    char actors[1024], agents[1024], verbs[1024];
    snprintf(actors, sizeof actors, "%s", src_path("tests/data/petrarch/actors.txt"));
    snprintf(agents, sizeof agents, "%s", src_path("tests/data/petrarch/agents.txt"));
    snprintf(verbs, sizeof verbs, "%s", src_path("tests/data/petrarch/verbs.txt"));
    dl_lexicon_options o = {.actors_path = actors, .agents_path = agents, .verbs_path = verbs};
    dl_lexicon *lex = NULL;
    dl_error e;
    if (dl_lexicon_load(&o, &lex, &e) != DL_OK) fail_msg("load: %s:%ld: %s", e.file, e.line, e.message);
    return lex;
}

static uint32_t person(const dl_lexicon *lex, const char *name) {
    for (size_t i = 0; i < dl_lexicon_n_actors(lex); i++) {
        const dl_actor_def *a = dl_lexicon_actor(lex, (uint32_t)i);
        if (a->kind == DL_ACTOR_PERSON && strcmp(a->name, name) == 0) return (uint32_t)i;
    }
    fail_msg("no person %s", name);
    return 0;
}

/* The code of a person on a day: "FRDGOV", or the default. */
static void code_on(const dl_lexicon *lex, uint32_t p, const char *day, const char *want) {
    char country[12] = "", got[32];
    uint32_t r = dl_lexicon_person_role(lex, p, dl_day_parse(day), country);
    const dl_actor_def *a = dl_lexicon_actor(lex, p);
    if (r != DL_WORD_NONE) snprintf(got, sizeof got, "%s%s", country, dl_lexicon_role(lex, r)->sector);
    else snprintf(got, sizeof got, "%s%s", a->code, a->sector);
    if (strcmp(got, want) != 0) fail_msg("%s on %s: %s, want %s", a->name, day, got, want);
}

static void actors(void **state) {
    (void)state;
    dl_lexicon *lex = load();
    uint32_t frd = dl_lexicon_find_code(lex, "FRD"), un = dl_lexicon_find_code(lex, "UN");
    assert_int_not_equal(frd, DL_WORD_NONE);
    assert_string_equal(dl_lexicon_actor(lex, frd)->name, "Freedonia");
    assert_int_equal(dl_lexicon_actor(lex, frd)->kind, DL_ACTOR_COUNTRY);
    assert_int_not_equal(un, DL_WORD_NONE); /* IGOUNO -> UN (data/petrarch_codes.txt) */
    assert_int_equal(dl_lexicon_actor(lex, un)->kind, DL_ACTOR_ORG);
    /* date restrictions */
    uint32_t firefly = person(lex, "Rufus T. Firefly");
    code_on(lex, firefly, "1933-03-01", "FRDGOV");
    code_on(lex, firefly, "1934-03-01", "FRDELI"); /* the default code */
    uint32_t trentino = person(lex, "Ambassador Trentino");
    code_on(lex, trentino, "1933-05-31", "SYLGOV"); /* <330601: YYMMDD, up to and with the day */
    code_on(lex, trentino, "1933-06-03", "SYLMIL");
    uint32_t chico = person(lex, "Chicolini");
    code_on(lex, chico, "1933-01-15", "FRDGOV");
    code_on(lex, chico, "1933-03-05", "FRDCRM"); /* the earlier restriction wins */
    code_on(lex, chico, "1933-03-20", "FRDGOV");
    /* a null code makes no actor */
    for (size_t i = 0; i < dl_lexicon_n_actors(lex); i++) assert_null(strstr(dl_lexicon_actor(lex, (uint32_t)i)->name, "Harpo"));
    dl_lexicon_free(lex);
}

static void agents_and_phrases(void **state) {
    (void)state;
    dl_lexicon *lex = load();
    assert_int_equal(dl_lexicon_n_agents(lex), 4);
    assert_string_equal(dl_lexicon_agent(lex, 0)->sector, "GOV");
    assert_string_equal(dl_lexicon_agent(lex, 3)->sector, "NGO"); /* [NGO~] */
    /* phrases: substitution sets, plurals, seats */
    static const struct { const char *words[3]; dl_phrase_kind kind; const char *sector; } want[] = {
        {{"spokeswomen"}, DL_PH_AGENT, ""},
        {{"peacekeepers"}, DL_PH_AGENT, ""},
        {{"sylvanian", "troops"}, DL_PH_SEAT, "MIL"},
        {{"league", "of", "nations"}, DL_PH_NAME, ""},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        uint32_t ids[3];
        size_t n = 0;
        for (; n < 3 && want[i].words[n]; n++) ids[n] = dl_lexicon_word(lex, want[i].words[n], strlen(want[i].words[n]));
        const dl_phrase *ph;
        size_t nph;
        assert_int_equal(dl_lexicon_match(lex, ids, NULL, n, &ph, &nph), n);
        bool found = false;
        for (size_t k = 0; k < nph; k++) found |= ph[k].kind == want[i].kind && strcmp(ph[k].sector, want[i].sector) == 0;
        if (!found) fail_msg("phrase %zu: no meaning of the kind wanted", i);
    }
    /* "rebel {}": no plural made */
    uint32_t rebels = dl_lexicon_word(lex, "rebels", 6);
    const dl_phrase *ph;
    size_t nph;
    assert_true(rebels == DL_WORD_NONE || dl_lexicon_match(lex, &rebels, NULL, 1, &ph, &nph) == 0);
    dl_lexicon_free(lex);
}

/* dipline's own formats are still read as such. */
static void own_formats(void **state) {
    (void)state;
    char actors[1024], agents[1024];
    snprintf(actors, sizeof actors, "%s", src_path("tests/data/actors.txt"));
    snprintf(agents, sizeof agents, "%s", src_path("tests/data/agents.txt"));
    dl_lexicon_options o = {.actors_path = actors, .agents_path = agents};
    dl_lexicon *lex = NULL;
    dl_error e;
    if (dl_lexicon_load(&o, &lex, &e) != DL_OK) fail_msg("load: %s:%ld: %s", e.file, e.line, e.message);
    assert_true(dl_lexicon_n_actors(lex) > 0);
    for (size_t i = 0; i < dl_lexicon_n_roles(lex); i++) assert_null(strstr(dl_lexicon_role(lex, (uint32_t)i)->id, "cameo:"));
    dl_lexicon_free(lex);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actors),
        cmocka_unit_test(agents_and_phrases),
        cmocka_unit_test(own_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
