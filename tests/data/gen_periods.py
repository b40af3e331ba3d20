#!/usr/bin/env python3
"""Writes tests/data/periods.tsv: period expressions with the start and due
a reader must give on the reference day 2026-12-02 (a Wednesday), computed
here by plain calendar arithmetic, independently of src/core/period.c.
Run once by hand when adding families: python3 tests/data/gen_periods.py"""
import calendar, datetime as dt, os

R = dt.date(2026, 12, 2)
rows = []

def iso(d): return d.isoformat() if d else '-'
def eom(y, m): return dt.date(y, m, calendar.monthrange(y, m)[1])
def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year; m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
def row(expr, lang, start, due, fy=1, rhythm='-'):
    rows.append((expr, lang, str(fy), iso(start), iso(due), rhythm))

FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
      'octobre', 'novembre', 'décembre']
EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
      'October', 'November', 'December']
def next_year_of(m, d=1):
    """the year of the next (m, d) on or after R"""
    return R.year if dt.date(R.year, m, d) >= R else R.year + 1
def month_year(m):
    """a month said without a year: this one or the next"""
    return R.year if m >= R.month else R.year + 1

# --- absolute dates, as deadlines (from R) ---
for m in range(1, 13):
    d = 15
    y = next_year_of(m, d)
    row(f"d'ici le {d} {FR[m-1]}", 'fr', R, dt.date(y, m, d))
    row(f"by {EN[m-1]} {d}", 'en', R, dt.date(y, m, d))
    row(f"avant le {d} {FR[m-1]} 2027", 'fr', R, dt.date(2027, m, d))
    row(f"no later than {d} {EN[m-1]} 2027", 'en', R, dt.date(2027, m, d))
    row(f"by {EN[m-1]} {d}, 2027", 'en', R, dt.date(2027, m, d))
for e, due in [("au plus tard le 30/06/2027", dt.date(2027, 6, 30)),
               ("avant le 30/06", dt.date(2027, 6, 30)), ("pour le 1er avril", dt.date(2027, 4, 1)),
               ("jusqu'au 28 février 2027", dt.date(2027, 2, 28)), ("d'ici le 31/01", dt.date(2027, 1, 31)),
               ("avant le 15/12", dt.date(2026, 12, 15)), ("d'ici le 2027-06-30", dt.date(2027, 6, 30)),
               ("avant le 1er mars 2027", dt.date(2027, 3, 1)), ("d'ici le lundi 15 mars 2027", dt.date(2027, 3, 15)),
               ("au plus tard le 15 janv. 2027", dt.date(2027, 1, 15)), ("avant le 10 sept. 2027", dt.date(2027, 9, 10)),
               ("d'ici le 31 decembre 2027", dt.date(2027, 12, 31)), ("avant le 5/3/27", dt.date(2027, 3, 5)),
               ("by 06/30/2027", dt.date(2027, 6, 30)), ("by 30/06/2027", dt.date(2027, 6, 30)),
               ("before 2027-03-31", dt.date(2027, 3, 31)), ("by the 15th of March", dt.date(2027, 3, 15)),
               ("by March 15th", dt.date(2027, 3, 15)), ("by 15th March 2027", dt.date(2027, 3, 15)),
               ("before Jan 31", dt.date(2027, 1, 31)), ("by Sept 30, 2027", dt.date(2027, 9, 30)),
               ("no later than December 20", dt.date(2026, 12, 20)), ("until June 1st 2027", dt.date(2027, 6, 1)),
               ("by Monday, March 1, 2027", dt.date(2027, 3, 1))]:
    row(e, 'fr' if any(w in e for w in ("d'ici", 'avant', 'au plus', 'pour', "jusqu")) else 'en', R, due)

# --- months: deadlines to their end, spans when said "en", "in", "next" ---
for m in range(1, 13):
    y = month_year(m)
    row(f"d'ici {FR[m-1]}", 'fr', R, eom(y, m))
    row(f"d'ici fin {FR[m-1]}", 'fr', R, eom(y, m))
    row(f"by the end of {EN[m-1]}", 'en', R, eom(y, m))
    row(f"by {EN[m-1]} 2027", 'en', R, eom(2027, m))
    ny = y if m > R.month else R.year + 1
    row(f"en {FR[m-1]} prochain", 'fr', dt.date(ny, m, 1), eom(ny, m))
    row(f"in {EN[m-1]} 2027", 'en', dt.date(2027, m, 1), eom(2027, m))
for e, lang, s, d in [("avant fin juin 2027", 'fr', R, eom(2027, 6)), ("next March", 'en', dt.date(2027, 3, 1), eom(2027, 3)),
                      ("en mars 2027", 'fr', dt.date(2027, 3, 1), eom(2027, 3)), ("au mois de mai", 'fr', dt.date(2027, 5, 1), eom(2027, 5)),
                      ("d'ici début mars", 'fr', R, dt.date(2027, 3, 1)), ("by the start of April", 'en', R, dt.date(2027, 4, 1)),
                      ("avant début juin 2027", 'fr', R, dt.date(2027, 6, 1)), ("by early February", 'en', R, dt.date(2027, 2, 1)),
                      ("d'ici la fin du mois", 'fr', R, eom(2026, 12)), ("by the end of the month", 'en', R, eom(2026, 12)),
                      ("d'ici la fin du mois prochain", 'fr', R, eom(2027, 1)), ("by the end of next month", 'en', R, eom(2027, 1)),
                      ("d'ici le début du mois prochain", 'fr', R, dt.date(2027, 1, 1)), ("by the start of next month", 'en', R, dt.date(2027, 1, 1)),
                      ("ce mois-ci", 'fr', dt.date(2026, 12, 1), eom(2026, 12)), ("this month", 'en', dt.date(2026, 12, 1), eom(2026, 12)),
                      ("le mois prochain", 'fr', dt.date(2027, 1, 1), eom(2027, 1)), ("next month", 'en', dt.date(2027, 1, 1), eom(2027, 1)),
                      ("le mois dernier", 'fr', dt.date(2026, 11, 1), eom(2026, 11)), ("last month", 'en', dt.date(2026, 11, 1), eom(2026, 11)),
                      ("sur le mois", 'fr', dt.date(2026, 12, 1), eom(2026, 12)), ("over the month", 'en', dt.date(2026, 12, 1), eom(2026, 12))]:
    row(e, lang, s, d)

# --- relative spans from R ---
wfr = {1: 'un', 2: 'deux', 3: 'trois', 4: 'quatre', 6: 'six', 9: 'neuf', 12: 'douze', 18: 'dix-huit'}
wen = {1: 'one', 2: 'two', 3: 'three', 4: 'four', 6: 'six', 9: 'nine', 12: 'twelve', 18: 'eighteen'}
for n in [1, 2, 3, 6, 9, 12, 18]:
    row(f"dans {n} mois", 'fr', R, add_months(R, n))
    row(f"d'ici {wfr[n]} mois", 'fr', R, add_months(R, n))
    row(f"within {n} months" if n > 1 else "within 1 month", 'en', R, add_months(R, n))
    if n > 1:
        row(f"in the next {wen[n]} months", 'en', R, add_months(R, n))
for n in [7, 15, 30, 45, 60, 90, 100, 120]:
    row(f"sous {n} jours", 'fr', R, R + dt.timedelta(days=n))
    row(f"within {n} days", 'en', R, R + dt.timedelta(days=n))
for n in [1, 2, 3, 4, 6, 8, 12]:
    row(f"dans {n} semaines" if n > 1 else "dans une semaine", 'fr', R, R + dt.timedelta(weeks=n))
    row(f"within {n} weeks" if n > 1 else "within a week", 'en', R, R + dt.timedelta(weeks=n))
for e, lang, d in [("d'ici 2 ans", 'fr', add_months(R, 24)), ("within two years", 'en', add_months(R, 24)),
                   ("dans un an", 'fr', add_months(R, 12)), ("within a year", 'en', add_months(R, 12)),
                   ("d'ici trois mois", 'fr', add_months(R, 3)), ("over the next 6 months", 'en', add_months(R, 6))]:
    row(e, lang, R, d)

# --- weeks ---
mon = R - dt.timedelta(days=R.weekday())
for e, lang, s, d in [("cette semaine", 'fr', mon, mon + dt.timedelta(6)), ("this week", 'en', mon, mon + dt.timedelta(6)),
                      ("la semaine prochaine", 'fr', mon + dt.timedelta(7), mon + dt.timedelta(13)),
                      ("next week", 'en', mon + dt.timedelta(7), mon + dt.timedelta(13)),
                      ("la semaine dernière", 'fr', mon - dt.timedelta(7), mon - dt.timedelta(1)),
                      ("last week", 'en', mon - dt.timedelta(7), mon - dt.timedelta(1)),
                      ("d'ici la fin de la semaine", 'fr', R, mon + dt.timedelta(6)),
                      ("by the end of the week", 'en', R, mon + dt.timedelta(6)),
                      ("by the end of next week", 'en', R, mon + dt.timedelta(13)),
                      ("d'ici la fin de la semaine prochaine", 'fr', R, mon + dt.timedelta(13)),
                      ("d'ici vendredi", 'fr', R, mon + dt.timedelta(4)), ("by Friday", 'en', R, mon + dt.timedelta(4)),
                      ("avant lundi", 'fr', R, mon + dt.timedelta(7)), ("by Monday", 'en', R, mon + dt.timedelta(7)),
                      ("d'ici mercredi prochain", 'fr', R, mon + dt.timedelta(9)), ("by next Tuesday", 'en', R, mon + dt.timedelta(8))]:
    row(e, lang, s, d)

# --- quarters ---
def q(y, n): return dt.date(y, 3 * n - 2, 1), eom(y, 3 * n)
cur_q = (R.month - 1) // 3 + 1
for n in range(1, 5):
    y = R.year if n >= cur_q else R.year + 1
    s, d = q(y, n)
    row(f"au T{n}", 'fr', s, d)
    row(f"in Q{n}", 'en', s, d)
    s7, d7 = q(2027, n)
    row(f"au T{n} 2027", 'fr', s7, d7)
    row(f"in Q{n} 2027", 'en', s7, d7)
    row(f"d'ici fin T{n} 2027", 'fr', R, d7)
    row(f"by the end of Q{n} 2027", 'en', R, d7)
    ords_fr = ['premier', 'deuxième', 'troisième', 'quatrième']
    ords_en = ['first', 'second', 'third', 'fourth']
    row(f"au {ords_fr[n-1]} trimestre 2027", 'fr', s7, d7)
    row(f"in the {ords_en[n-1]} quarter of 2027", 'en', s7, d7)
    row(f"Q{n} 2027", 'en', s7, d7)
for e, lang, s, d in [("ce trimestre", 'fr', *q(2026, 4)), ("this quarter", 'en', *q(2026, 4)),
                      ("le trimestre prochain", 'fr', *q(2027, 1)), ("next quarter", 'en', *q(2027, 1)),
                      ("le trimestre dernier", 'fr', *q(2026, 3)), ("last quarter", 'en', *q(2026, 3)),
                      ("sur le trimestre", 'fr', *q(2026, 4)), ("au prochain trimestre", 'fr', *q(2027, 1)),
                      ("d'ici la fin du trimestre", 'fr', R, eom(2026, 12)), ("by the end of the quarter", 'en', R, eom(2026, 12)),
                      ("by end of next quarter", 'en', R, eom(2027, 3)), ("d'ici la fin du trimestre prochain", 'fr', R, eom(2027, 3)),
                      ("au 1er trimestre", 'fr', *q(2027, 1)), ("en T2 2027", 'fr', *q(2027, 2))]:
    row(e, lang, s, d)

# --- half-years ---
H1, H2 = (dt.date(2027, 1, 1), eom(2027, 6)), (dt.date(2026, 7, 1), eom(2026, 12))
for e, lang, s, d in [("au premier semestre", 'fr', *H1), ("au 1er semestre 2027", 'fr', *H1),
                      ("au second semestre", 'fr', *H2), ("au second semestre 2027", 'fr', dt.date(2027, 7, 1), eom(2027, 12)),
                      ("au deuxième semestre 2027", 'fr', dt.date(2027, 7, 1), eom(2027, 12)),
                      ("in H1 2027", 'en', *H1), ("in H2 2027", 'en', dt.date(2027, 7, 1), eom(2027, 12)),
                      ("S1 2027", 'fr', *H1), ("S2 2027", 'fr', dt.date(2027, 7, 1), eom(2027, 12)),
                      ("in the first half of 2027", 'en', *H1), ("in the second half of 2027", 'en', dt.date(2027, 7, 1), eom(2027, 12)),
                      ("in the first half", 'en', *H1), ("ce semestre", 'fr', *H2), ("sur le semestre", 'fr', *H2),
                      ("this half", 'en', *H2), ("le semestre prochain", 'fr', *H1), ("next half", 'en', *H1),
                      ("d'ici la fin du semestre", 'fr', R, eom(2026, 12)), ("by the end of H1 2027", 'en', R, eom(2027, 6)),
                      ("d'ici fin S1 2027", 'fr', R, eom(2027, 6)), ("by mid-year", 'en', R, eom(2027, 6)),
                      ("d'ici la mi-année", 'fr', R, eom(2027, 6)), ("by mid-2027", 'en', R, eom(2027, 6)),
                      ("d'ici mi-2027", 'fr', R, eom(2027, 6)), ("avant le milieu de l'année", 'fr', R, eom(2027, 6)),
                      ("by the middle of the year", 'en', R, eom(2027, 6))]:
    row(e, lang, s, d)

# --- seasons (meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb) ---
SUM, AUT, SPR = (dt.date(2027, 6, 1), eom(2027, 8)), (dt.date(2027, 9, 1), eom(2027, 11)), (dt.date(2027, 3, 1), eom(2027, 5))
WIN = (dt.date(2026, 12, 1), eom(2027, 2))
for e, lang, s, d in [("d'ici l'été", 'fr', R, dt.date(2027, 5, 31)), ("by summer", 'en', R, dt.date(2027, 5, 31)),
                      ("avant l'été", 'fr', R, dt.date(2027, 5, 31)), ("before the summer", 'en', R, dt.date(2027, 5, 31)),
                      ("cet été", 'fr', *SUM), ("this summer", 'en', *SUM), ("l'été prochain", 'fr', *SUM),
                      ("next summer", 'en', *SUM), ("en été 2027", 'fr', *SUM), ("in summer 2027", 'en', *SUM),
                      ("d'ici la fin de l'été", 'fr', R, SUM[1]), ("by the end of summer", 'en', R, SUM[1]),
                      ("à l'automne", 'fr', *AUT), ("this autumn", 'en', *AUT), ("in the fall", 'en', *AUT),
                      ("d'ici l'automne", 'fr', R, dt.date(2027, 8, 31)), ("by autumn", 'en', R, dt.date(2027, 8, 31)),
                      ("au printemps", 'fr', *SPR), ("in spring 2027", 'en', *SPR), ("d'ici le printemps", 'fr', R, dt.date(2027, 2, 28)),
                      ("by spring", 'en', R, dt.date(2027, 2, 28)), ("cet hiver", 'fr', *WIN), ("this winter", 'en', *WIN),
                      ("d'ici la fin de l'hiver", 'fr', R, WIN[1]), ("by the end of winter", 'en', R, WIN[1]),
                      ("d'ici l'hiver prochain", 'fr', R, dt.date(2027, 11, 30))]:
    row(e, lang, s, d)

# --- years ---
Y26, Y27 = (dt.date(2026, 1, 1), eom(2026, 12)), (dt.date(2027, 1, 1), eom(2027, 12))
for e, lang, s, d in [("en 2027", 'fr', *Y27), ("in 2027", 'en', *Y27), ("pour 2027", 'fr', *Y27), ("sur 2027", 'fr', *Y27),
                      ("during 2027", 'en', *Y27), ("d'ici 2027", 'fr', R, Y27[1]), ("by 2028", 'en', R, eom(2028, 12)),
                      ("d'ici fin 2026", 'fr', R, Y26[1]), ("d'ici fin 2027", 'fr', R, Y27[1]), ("avant fin 2027", 'fr', R, Y27[1]),
                      ("by the end of 2027", 'en', R, Y27[1]), ("by end of 2026", 'en', R, Y26[1]),
                      ("cette année", 'fr', *Y26), ("this year", 'en', *Y26), ("l'année prochaine", 'fr', *Y27),
                      ("next year", 'en', *Y27), ("l'an prochain", 'fr', *Y27), ("l'année dernière", 'fr', dt.date(2025, 1, 1), eom(2025, 12)),
                      ("last year", 'en', dt.date(2025, 1, 1), eom(2025, 12)),
                      ("avant la fin de l'année", 'fr', R, Y26[1]), ("before year end", 'en', R, Y26[1]),
                      ("d'ici la fin de l'année", 'fr', R, Y26[1]), ("by year-end", 'en', R, Y26[1]),
                      ("d'ici fin d'année", 'fr', R, Y26[1]), ("by the end of the year", 'en', R, Y26[1]),
                      ("by the end of next year", 'en', R, Y27[1]), ("d'ici la fin de l'année prochaine", 'fr', R, Y27[1]),
                      ("toute l'année 2027", 'fr', *Y27), ("all year 2027", 'en', *Y27), ("all year", 'en', *Y26),
                      ("toute l'année", 'fr', *Y26), ("throughout 2027", 'en', *Y27), ("tout au long de 2027", 'fr', *Y27),
                      ("d'ici début 2027", 'fr', R, dt.date(2027, 1, 1)), ("by the start of 2028", 'en', R, dt.date(2028, 1, 1)),
                      ("au cours de l'année 2027", 'fr', *Y27), ("sur l'année", 'fr', *Y26)]:
    row(e, lang, s, d)

# --- fiscal years (calendar, and starting in April) ---
for fy in (1, 4):
    def fyr(n):
        return (dt.date(n, 1, 1), eom(n, 12)) if fy == 1 else (dt.date(n - 1, fy, 1), eom(n, fy - 1))
    cur = R.year if fy == 1 else (R.year + 1 if R.month >= fy else R.year)
    for e, lang, s, d in [("sur l'exercice 2027", 'fr', *fyr(2027)), ("FY2027", 'en', *fyr(2027)), ("FY27", 'en', *fyr(2027)),
                          ("in fiscal year 2027", 'en', *fyr(2027)), ("pour l'exercice 2028", 'fr', *fyr(2028)),
                          ("cet exercice", 'fr', *fyr(cur)), ("this fiscal year", 'en', *fyr(cur)),
                          ("l'exercice prochain", 'fr', *fyr(cur + 1)), ("next fiscal year", 'en', *fyr(cur + 1)),
                          ("d'ici la fin de l'exercice", 'fr', R, fyr(cur)[1]), ("by the end of the fiscal year", 'en', R, fyr(cur)[1]),
                          ("avant la clôture de l'exercice 2027", 'fr', R, fyr(2027)[1]), ("by fiscal year-end", 'en', R, fyr(cur)[1])]:
        row(e, lang, s, d, fy)

# --- rhythms: the current span and its rhythm ---
for e, lang, r in [("chaque semaine", 'fr', 'weekly'), ("every week", 'en', 'weekly'), ("toutes les semaines", 'fr', 'weekly'),
                   ("par semaine", 'fr', 'weekly'), ("per week", 'en', 'weekly'), ("weekly", 'en', 'weekly'),
                   ("chaque mois", 'fr', 'monthly'), ("tous les mois", 'fr', 'monthly'), ("par mois", 'fr', 'monthly'),
                   ("every month", 'en', 'monthly'), ("per month", 'en', 'monthly'), ("monthly", 'en', 'monthly'),
                   ("mensuellement", 'fr', 'monthly'), ("chaque trimestre", 'fr', 'quarterly'), ("every quarter", 'en', 'quarterly'),
                   ("par trimestre", 'fr', 'quarterly'), ("quarterly", 'en', 'quarterly'), ("chaque jour", 'fr', 'daily'),
                   ("tous les jours", 'fr', 'daily'), ("every day", 'en', 'daily'), ("par jour", 'fr', 'daily'), ("daily", 'en', 'daily'),
                   ("hebdomadaire", 'fr', 'weekly')]:
    if r in ('weekly', 'daily'): s, d = None, None  # a rate per week or day: no span of its own
    elif r == 'monthly': s, d = dt.date(2026, 12, 1), eom(2026, 12)
    elif r == 'quarterly': s, d = q(2026, 4)
    row(e, lang, s, d, 1, r)

# --- no period at all: numbers that are not dates ---
for e, lang in [("augmenter le CA de 15 %", 'fr'), ("90 % des appels en moins de 20 secondes", 'fr'),
                ("atteindre 4,2/5", 'fr'), ("3 000 appels", 'fr'), ("grow revenue by 12%", 'en'),
                ("a score of 8/10", 'en'), ("gagner 5 points", 'fr'), ("1 200 rendez-vous", 'fr'),
                ("under 12 hours", 'en'), ("moins de 3 minutes", 'fr'), ("une fois", 'fr'), ("the end", 'en')]:
    row(e, lang, None, None)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'periods.tsv')
with open(out, 'w') as f:
    f.write('# reference day 2026-12-02; written by tests/data/gen_periods.py\n')
    f.write('expression\tlang\tfy_start\tstart\tdue\trhythm\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
print(len(rows), 'rows')
