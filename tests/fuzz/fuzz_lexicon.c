/* fuzz_lexicon.c - the dictionary loader (actors, agents, roles, verbs) and
 * the coder using what it loaded.
 *
 * Input: one byte choosing the dictionary the rest replaces (0 actors,
 * 1 agents, 2 roles, 3 verbs; the others are the small test dictionaries of
 * tests/data and tests/fuzz/verbs-small.txt, for speed: the bundled verbs
 * take most of a run's time).  The bytes go through a memory file
 * (/proc/self/fd/N), as a user's file would.  A dictionary that loads is
 * then used to code a short article. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dipline/extract.h"
#include "fuzz.h"

#ifndef FUZZ_TEST_DATA
#define FUZZ_TEST_DATA "tests/data"
#endif

static const char sample[] =
    "MOSCOW (Dipline Wire) - Russia's foreign minister Sergey Lavrov accused Britain on Thursday of "
    "lecturing Moscow. Mr Lavrov met Liz Truss, the British foreign secretary, and said he would not "
    "back down. \"We will respond,\" he said. NATO troops arrived in Poland last week; the alliance "
    "urged Russia to withdraw its forces. Ukrainian officials and French diplomats met in Kyiv.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    int fd = memfd_create("fuzz-dictionary", 0);
    FUZZ_CHECK(fd >= 0);
    for (size_t done = 1; done < size;) {
        ssize_t n = write(fd, data + done, size - done);
        FUZZ_CHECK(n > 0);
        done += (size_t)n;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    dl_extract_options o = {.actors_path = FUZZ_TEST_DATA "/actors.txt",
                            .agents_path = FUZZ_TEST_DATA "/agents.txt",
                            .roles_path = FUZZ_TEST_DATA "/roles.txt",
                            .verbs_path = FUZZ_TEST_DATA "/../fuzz/verbs-small.txt",
                            .explain = true};
    switch (data[0] % 4) {
    case 0: o.actors_path = path; break;
    case 1: o.agents_path = path; break;
    case 2: o.roles_path = path; break;
    default: o.verbs_path = path; break;
    }
    dl_extractor *x = NULL;
    dl_error err;
    dl_status st = dl_extractor_new(&o, &x, &err);
    close(fd);
    if (st != DL_OK) {
        /* a bad dictionary is reported with its file and where in it (a
         * line, a byte offset, or "file:line" of the entry) */
        FUZZ_CHECK(!x && err.message[0] && err.file[0]);
        FUZZ_CHECK(st != DL_ERR_INPUT || err.line > 0 || err.offset >= 0 || strchr(err.file, ':'));
        return 0;
    }
    dl_event_list events = {0};
    st = dl_extract_text(x, "fuzz", sample, sizeof sample - 1, "2022-02-10", &events, &err);
    FUZZ_CHECK(st == DL_OK);
    for (size_t i = 0; i < events.n; i++) {
        const dl_event *ev = &events.items[i];
        FUZZ_CHECK(ev->n_mentions == 1 && ev->mentions[0].end <= (long)sizeof sample);
    }
    dl_event_list_clear(&events);
    dl_extractor_free(x);
    return 0;
}
