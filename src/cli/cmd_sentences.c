/* cmd_sentences.c - `dipline sentences`: show how articles are split into
 * sentences (one JSON object per sentence, with byte offsets).  A debugging
 * view of the first pipeline stage. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline sentences [OPTIONS] INPUT...\n\n"
           "Split articles into sentences and print one JSON object per sentence:\n"
           "{\"article\", \"sentence\", \"start\", \"end\", \"flags\", \"text\"} (byte offsets into\n"
           "the article text).  Inputs as for 'dipline extract'.\n\n"
           "Options:\n"
           "  -d, --date DATE    publication date for articles without one\n"
           "      --tokens       add each sentence's normalised tokens\n"
           "      --repair-utf8  replace invalid UTF-8 (and convert Windows-1252\n"
           "                     punctuation) instead of rejecting the article\n"
           "  -h, --help         show this help\n"
           "Limits:\n%s",
           cli_limits_help);
}

int cmd_sentences(int argc, char **argv) {
    static const struct option longopts[] = {{"date", required_argument, 0, 'd'},
                                              {"tokens", no_argument, 0, 't'},
                                              {"repair-utf8", no_argument, 0, 'r'},
                                              {"help", no_argument, 0, 'h'},
                                              CLI_LIMIT_LONGOPTS,
                                              {0, 0, 0, 0}};
    dl_reader_options ropt = {0};
    bool tokens = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":d:h", longopts, NULL)) != -1) {
        int lim = cli_limit_option("sentences", c, optarg, &ropt, NULL);
        if (lim < 0) return EXIT_USAGE;
        if (lim) continue;
        switch (c) {
        case 'd': ropt.default_date = optarg; break;
        case 't': tokens = true; break;
        case 'r': ropt.repair_utf8 = true; break;
        case 'h': help(); return EXIT_OK;
        case ':': return cli_usage_error("sentences", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("sentences", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind >= argc) return cli_usage_error("sentences", "no input given");
    dl_error err;
    dl_error_clear(&err);
    dl_reader *r = dl_reader_new(&ropt);
    dl_status st = DL_OK;
    for (int i = optind; i < argc && st == DL_OK; i++) st = dl_reader_add_path(r, argv[i], &err);
    int rc = EXIT_OK;
    while (st == DL_OK) {
        dl_article *a;
        st = dl_reader_next(r, &a, &err);
        if (st != DL_OK || !a) break;
        dl_doc *doc;
        st = dl_doc_new(a->text, a->text_len, &doc, &err);
        for (size_t i = 0; st == DL_OK && i < doc->n_sentences; i++) {
            const dl_sentence *s = &doc->sentences[i];
            json_t *o = json_pack("{s:s,s:I,s:I,s:I,s:s#}", "article", a->id, "sentence", (json_int_t)i, "start",
                                  (json_int_t)s->start, "end", (json_int_t)s->end, "text", a->text + s->start,
                                  (int)(s->end - s->start));
            json_t *fl = json_array();
            if (s->flags & DL_SF_HEADLINE) json_array_append_new(fl, json_string("headline"));
            if (s->flags & DL_SF_BULLET) json_array_append_new(fl, json_string("bullet"));
            if (s->flags & DL_SF_DATELINE) json_array_append_new(fl, json_string("dateline"));
            if (s->flags & DL_SF_PARA_START) json_array_append_new(fl, json_string("paragraph"));
            if (s->flags & DL_SF_CUT) json_array_append_new(fl, json_string("cut"));
            json_object_set_new(o, "flags", fl);
            if (tokens) {
                json_t *tk = json_array();
                for (uint32_t k = 0; k < s->n_tokens; k++)
                    json_array_append_new(tk, json_string(dl_doc_norm(doc, s->first_token + k)));
                json_object_set_new(o, "tokens", tk);
            }
            char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
            if (line) puts(line);
            free(line);
            json_decref(o);
        }
        dl_doc_free(doc);
        dl_article_free(a);
    }
    if (st != DL_OK) {
        cli_report("sentences", &err);
        rc = cli_exit_status(st);
    }
    dl_reader_free(r);
    return rc;
}
