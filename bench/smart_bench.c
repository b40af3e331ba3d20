/* Times what the live check does each time a person types: the sentence
 * reader on a typical statement, then smart_check() on a typical objective
 * with a year of history and a dozen siblings. Prints microseconds per call
 * (best of 5 runs) for each and for the two together. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include "core/sentence.h"
#include "core/smart.h"

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;
	struct objective o;
	objective_init(&o);
	o.title = "Porter la résolution au premier contact de 70 % à 78 % au T1 2027";
	o.what = "Demandes résolues dès le premier appel";
	o.level = LEVEL_INDIVIDUAL;
	o.owner_person_id = 5;
	o.parent_id = 3;
	o.indicator = "fcr";
	o.unit_label = "%";
	o.has_baseline = o.has_target = true;
	o.baseline = 70;
	o.target = 78;
	o.start = date_from_ymd(2027, 1, 1);
	o.due = date_from_ymd(2027, 3, 31);
	double own[12], peers[60];
	for (int i = 0; i < 12; i++)
		own[i] = 3 + i % 5;
	for (int i = 0; i < 60; i++)
		peers[i] = 2 + i % 9;
	const char *sib[12];
	for (int i = 0; i < 12; i++)
		sib[i] = i % 2 ? "Traiter 900 appels au T1 2027" : "Réduire la DMT de 330 s à 300 s au T1 2027";
	struct smart_context c = { date_from_ymd(2026, 11, 25), SERVICE_CALL_CENTRE, DAY_NONE, true,
				   sib, 12, own, 12, peers, 60 };
	struct smart_result r;
	double best = 1e9;
	int sink = 0;
	for (int run = 0; run < 5; run++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (long i = 0; i < n; i++) {
			smart_check(&o, &c, &r);
			sink += r.score;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / n;
		if (us < best)
			best = us;
	}
	printf("smart_check: %.2f us per check (best of 5 x %ld; score %d)\n", best, n, sink / (5 * (int)n));

	static const char *const texts[] = {
		"Porter la résolution au premier contact de 70 % à 78 % au T1 2027",
		"L'équipe A doit augmenter le trafic du site internet de 20% sur le mois !",
		"Répondre à 90 % des demandes en moins de 12 h d'ici fin mars",
		"Increase the Lyon team's revenue by 15% by the end of Q2",
	};
	double bestr = 1e9;
	for (int run = 0; run < 5; run++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (long i = 0; i < n; i++) {
			const char *t = texts[i % 4];
			struct sentence sr;
			sink += sentence_read(t, strlen(t), LANG_FR, date_from_ymd(2026, 11, 25), &sr);
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / n;
		if (us < bestr)
			bestr = us;
	}
	printf("sentence_read: %.2f us per sentence (best of 5 x %ld, 4 sentences in turn)\n", bestr, n);
	printf("both: %.2f us per keystroke check\n", best + bestr);
	return sink == 42 ? 1 : 0;
}
