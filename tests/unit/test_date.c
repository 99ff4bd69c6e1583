/* Unit tests: calendar arithmetic and TIMEX3 calendar values (common/date.c). */
#include <string.h>

#include "helpers.h"

static void ymd_round_trip(void **state) {
    (void)state;
    assert_int_equal(dl_day_from_ymd(1970, 1, 1), 0);
    assert_int_equal(dl_day_from_ymd(2000, 3, 1) - dl_day_from_ymd(2000, 2, 28), 2); /* leap */
    assert_int_equal(dl_day_from_ymd(1900, 3, 1) - dl_day_from_ymd(1900, 2, 28), 1); /* not leap */
    for (dl_day d = dl_day_from_ymd(1890, 1, 1); d < dl_day_from_ymd(2110, 1, 1); d += 17) {
        int y, m, dd;
        dl_day_to_ymd(d, &y, &m, &dd);
        assert_int_equal(dl_day_from_ymd(y, m, dd), d);
    }
}

static void weekdays_and_iso_weeks(void **state) {
    (void)state;
    assert_int_equal(dl_day_weekday(dl_day_from_ymd(2022, 2, 10)), 4); /* Thursday */
    assert_int_equal(dl_day_weekday(dl_day_from_ymd(1969, 12, 29)), 1);
    int y, w;
    dl_day_iso_week(dl_day_from_ymd(2022, 2, 10), &y, &w);
    assert_int_equal(y, 2022);
    assert_int_equal(w, 6);
    dl_day_iso_week(dl_day_from_ymd(2021, 1, 3), &y, &w); /* Sunday: last week of 2020 */
    assert_int_equal(y, 2020);
    assert_int_equal(w, 53);
    dl_day_iso_week(dl_day_from_ymd(2024, 12, 30), &y, &w); /* Monday: week 1 of 2025 */
    assert_int_equal(y, 2025);
    assert_int_equal(w, 1);
    assert_int_equal(dl_day_from_iso_week(2022, 6), dl_day_from_ymd(2022, 2, 7));
}

static void parse_dates(void **state) {
    (void)state;
    assert_int_equal(dl_day_parse("2022-02-10"), dl_day_from_ymd(2022, 2, 10));
    assert_int_equal(dl_day_parse("2022-02-10T14:05:00Z"), dl_day_from_ymd(2022, 2, 10));
    assert_int_equal(dl_day_parse("20220210"), dl_day_from_ymd(2022, 2, 10));
    assert_int_equal(dl_day_parse("2022-02-30"), DL_DAY_NONE);
    assert_int_equal(dl_day_parse("2022-13-01"), DL_DAY_NONE);
    assert_int_equal(dl_day_parse("Feb 10"), DL_DAY_NONE);
    assert_int_equal(dl_day_parse(""), DL_DAY_NONE);
    char buf[16];
    assert_string_equal(dl_day_format(dl_day_from_ymd(2024, 2, 29), buf), "2024-02-29");
}

static void when_values(void **state) {
    (void)state;
    dl_when w;
    assert_true(dl_when_parse(&w, "2022-W06"));
    assert_int_equal(w.granularity, DL_GRAN_WEEK);
    assert_int_equal(w.start, dl_day_from_ymd(2022, 2, 7));
    assert_int_equal(w.end, dl_day_from_ymd(2022, 2, 13));
    assert_true(dl_when_parse(&w, "2024-02"));
    assert_int_equal(w.end, dl_day_from_ymd(2024, 2, 29));
    assert_true(dl_when_parse(&w, "2022-Q1"));
    assert_int_equal(w.end, dl_day_from_ymd(2022, 3, 31));
    assert_true(dl_when_parse(&w, "2022-WI"));
    assert_int_equal(w.end, dl_day_from_ymd(2023, 2, 28));
    assert_true(dl_when_parse(&w, "199"));
    assert_int_equal(w.granularity, DL_GRAN_DECADE);
    assert_int_equal(w.start, dl_day_from_ymd(1990, 1, 1));
    assert_true(dl_when_parse(&w, "2022-02-10T14:00"));
    assert_int_equal(w.granularity, DL_GRAN_TIME);
    assert_false(dl_when_parse(&w, "PRESENT_REF"));
    assert_false(dl_when_parse(&w, "P3D"));
    assert_false(dl_when_parse(&w, "2022-02-31"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ymd_round_trip),
        cmocka_unit_test(weekdays_and_iso_weeks),
        cmocka_unit_test(parse_dates),
        cmocka_unit_test(when_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
