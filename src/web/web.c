/* Shared pieces of the web app: catalog, layout, escaping, forms, static
 * assets, language choice, error pages. */
#include <microhttpd.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/csvread.h"
#include "core/embed.h"
#include "core/figure.h"
#include "core/words.h"
#include "http/parse.h"
#include "web/web.h"

const struct msg web_catalog[] = {
	{ "share.suggested", "Cible suggérée", "Suggested target" },
	{ "share.title", "Répartition entre les membres", "Shared among the members" },
	{ "share.children_sum", "Objectifs en dessous : total", "Objectives below: total" },
	{ "share.children_mean", "Objectifs en dessous : moyenne", "Objectives below: mean" },
	{ "share.expected", "attendu", "expected" },
	{ "share.gap", "écart", "gap" },
	{ "share.link", "Répartir cet objectif entre les membres de l'équipe",
	  "Share this objective out among the team's members" },
	{ "share.page", "Répartir un objectif d'équipe", "Share a team objective out" },
	{ "share.method", "Méthode", "Method" },
	{ "share.m.even", "À parts égales", "Even shares" },
	{ "share.m.ramp", "Selon le plan de montée en compétence", "By the ramp-up plan" },
	{ "share.m.history", "Selon l'historique de chacun", "By each member's history" },
	{ "share.m.weights", "Selon les poids ci-dessous", "By the weights below" },
	{ "share.weights", "Poids (méthode « poids »)", "Weights (the weights method)" },
	{ "share.preview", "Aperçu", "Preview" },
	{ "share.preview_title", "Aperçu : rien n'est encore enregistré",
	  "Preview: nothing is saved yet" },
	{ "share.member", "Membre", "Member" },
	{ "share.history", "Dernière période", "Last period" },
	{ "share.ramp", "Montée en compétence", "Ramp-up" },
	{ "share.month", "mois", "month" },
	{ "share.total", "Total", "Total" },
	{ "share.mean", "Moyenne", "Mean" },
	{ "share.confirm", "Répartir et proposer à chacun", "Share out and propose to each" },
	{ "admin.ramp", "Plans de montée en compétence", "Ramp-up plans" },
	{ "admin.ramp_help", "Par métier : la part de la cible standard les premiers mois après l'embauche, puis 100 %.",
	  "Per job: the share of the standard target in the first months after the hire, then 100 %." },
	{ "admin.steps", "Paliers", "Steps" },
	{ "admin.steps_input", "Paliers mensuels en % (ex. 25, 50, 75)",
	  "Monthly steps in % (e.g. 25, 50, 75)" },
	{ "admin.above_100", "Autoriser plus de 100 %", "Allow more than 100 %" },
	{ "admin.add_ramp", "Enregistrer le plan", "Save the plan" },
	{ "admin.delete", "Supprimer", "Delete" },
	{ "admin.synonyms", "Synonymes des indicateurs", "Indicator synonyms" },
	{ "admin.synonyms_help", "Les mots de l'organisation pour ses indicateurs, par langue : le lecteur de phrases de l'assistant SMART les reconnaît comme l'indicateur choisi.",
	  "The organisation's own words for its indicators, per language: the SMART assistant's sentence reader takes them for the indicator chosen." },
	{ "admin.phrase", "Expression", "Phrase" },
	{ "admin.lang", "Langue", "Language" },
	{ "admin.indicator", "Indicateur", "Indicator" },
	{ "admin.add_synonym", "Ajouter le synonyme", "Add the synonym" },
	{ "admin.no_synonyms", "Aucun synonyme pour l'instant.", "No synonym yet." },
	{ "admin.actions", "Actions", "Actions" },
	{ "hist.share_out", "a réparti l'objectif entre les membres", "shared the objective out among the members" },
	{ "app.tagline", "Management par objectifs", "Management by objectives" },
	{ "nav.mine", "Mes objectifs", "My objectives" },
	{ "nav.cascade", "Cascade", "Cascade" },
	{ "nav.team", "Équipe", "Team" },
	{ "nav.import", "Importer", "Import" },
	{ "nav.challenges", "Défis", "Challenges" },
	{ "nav.feedback", "Retours", "Feedback" },
	{ "nav.oneonones", "Entretiens", "One-to-ones" },
	{ "nav.notifications", "Notifications", "Notifications" },
	{ "nav.reviews", "Bilans", "Reviews" },
	{ "rhythm.next", "Prochain point d'étape attendu le", "Next check-in due on" },
	{ "rhythm.late", "en retard de", "late by" },
	{ "rhythm.days", "jours", "days" },
	{ "rhythm.day", "jour", "day" },
	{ "rhythm.none", "Aucun point d'étape attendu en ce moment.", "No check-in due at the moment." },
	{ "rhythm.cadence", "rythme", "cadence" },
	{ "cad.weekly", "chaque semaine", "weekly" },
	{ "cad.biweekly", "toutes les deux semaines", "every two weeks" },
	{ "cad.monthly", "chaque mois", "monthly" },
	{ "team.late", "Points d'étape en retard", "Late check-ins" },
	{ "team.cadence", "Rythme des points d'étape de l'équipe", "The team's check-in cadence" },
	{ "team.inherited", "celui de l'unité au-dessus", "the one of the unit above" },
	{ "team.cadence_save", "Appliquer", "Apply" },
	{ "team.no_late", "Personne n'est en retard.", "Nobody is late." },
	{ "team.last", "dernier point", "last check-in" },
	{ "team.never", "aucun point encore", "no check-in yet" },
	{ "nav.admin", "Administration", "Administration" },
	{ "nav.logout", "Se déconnecter", "Log out" },
	{ "nav.lang", "English", "Français" },
	{ "nav.skip", "Aller au contenu", "Skip to content" },
	{ "login.title", "Connexion", "Log in" },
	{ "login.email", "Adresse e-mail", "Email address" },
	{ "login.password", "Mot de passe", "Password" },
	{ "login.submit", "Se connecter", "Log in" },
	{ "login.failed", "Adresse ou mot de passe incorrect.", "Wrong email or password." },
	{ "login.locked", "Trop de tentatives : réessayez dans quelques minutes.",
	  "Too many attempts: try again in a few minutes." },
	{ "login.organisation", "Organisation", "Organisation" },
	{ "login.choose",
	  "Cette adresse a un compte dans plusieurs organisations : choisissez la vôtre et saisissez à nouveau le mot de passe.",
	  "This email has an account in several organisations: choose yours and type the password again." },
	{ "reset.title", "Nouveau mot de passe", "New password" },
	{ "reset.help", "Choisissez votre nouveau mot de passe (8 caractères au moins). Ce lien ne sert qu'une fois.",
	  "Choose your new password (8 characters at least). This link works once." },
	{ "reset.password", "Nouveau mot de passe", "New password" },
	{ "reset.submit", "Enregistrer le mot de passe", "Save the password" },
	{ "reset.invalid",
	  "Ce lien de réinitialisation est inconnu, déjà utilisé ou expiré : demandez-en un nouveau à votre administrateur.",
	  "This reset link is unknown, already used or expired: ask your administrator for a new one." },
	{ "reset.done", "Votre mot de passe est changé. Vos autres sessions sont fermées.",
	  "Your password is changed. Your other sessions are closed." },
	{ "reset.to_login", "Se connecter", "Log in" },
	{ "mine.title", "Mes objectifs", "My objectives" },
	{ "mine.none", "Aucun objectif pour le moment : voyez-le avec votre manager.",
	  "No objective yet: see your manager about it." },
	{ "mine.team", "Objectifs collectifs de mon équipe", "My team's collective objectives" },
	{ "col.objective", "Objectif", "Objective" },
	{ "col.target", "Cible", "Target" },
	{ "col.due", "Échéance", "Due" },
	{ "col.days_left", "Jours restants", "Days left" },
	{ "col.status", "Statut", "Status" },
	{ "obj.why", "Pourquoi cet objectif existe", "Why this objective exists" },
	{ "obj.fields", "Critères SMART", "SMART fields" },
	{ "obj.what", "Quoi", "What" },
	{ "obj.who", "Qui", "Who" },
	{ "obj.where", "Où", "Where" },
	{ "obj.why_f", "Pourquoi", "Why" },
	{ "obj.how", "Comment", "How" },
	{ "obj.indicator", "Indicateur", "Indicator" },
	{ "obj.baseline", "Valeur de départ", "Baseline" },
	{ "obj.period", "Période", "Period" },
	{ "obj.plan", "Plan d'action", "Action plan" },
	{ "obj.history", "Historique", "History" },
	{ "hist.create", "création", "created" },
	{ "hist.update", "modification", "changed" },
	{ "hist.cancel", "annulation", "cancelled" },
	{ "hist.checkin", "point d'étape", "check-in" },
	{ "hist.round", "négociation", "negotiation" },
	{ "hist.agree", "accord", "agreement" },
	{ "hist.close", "clôture", "closing" },
	{ "neg.title", "Négociation", "Negotiation" },
	{ "neg.none", "Aucune négociation pour l'instant.", "No negotiation yet." },
	{ "neg.thread", "Les tours, dans l'ordre", "The rounds, in order" },
	{ "neg.offer", "Offre sur la table", "Offer on the table" },
	{ "neg.agreed_version", "Version convenue (en vigueur)", "Agreed version (in force)" },
	{ "neg.agreed_on", "Convenu le", "Agreed on" },
	{ "neg.bounds", "Bornes de la cible", "Target bounds" },
	{ "neg.target", "Cible", "Target" },
	{ "neg.budget", "Budget", "Budget" },
	{ "neg.time", "Temps", "Time" },
	{ "neg.support", "Appui", "Support" },
	{ "neg.other_terms", "dates, indicateur ou plan modifiés", "dates, indicator or plan changed" },
	{ "neg.reason", "Raison", "Reason" },
	{ "neg.reason_opt", "Raison (facultative)", "Reason (optional)" },
	{ "neg.low_pct", "Borne basse, en % de la cible", "Low bound, % of the target" },
	{ "neg.high_pct", "Borne haute, en % de la cible", "High bound, % of the target" },
	{ "neg.totals", "Équipe :", "Team:" },
	{ "neg.totals_agreed", "convenu", "agreed" },
	{ "neg.totals_proposed", "proposé", "proposed" },
	{ "neg.totals_team", "objectif d'équipe", "team objective" },
	{ "neg.means_first", "Les moyens d'abord : la cible ne se discute qu'après une contre-proposition sur les moyens.", "Means first: the target is discussed only after a counter-proposal on the means." },
	{ "neg.kind.proposal", "Proposition", "Proposal" },
	{ "neg.kind.reopen", "Réouverture", "Reopening" },
	{ "neg.kind.counter_means", "Contre-proposition sur les moyens", "Counter-proposal on the means" },
	{ "neg.kind.counter_target", "Contre-proposition sur la cible", "Counter-proposal on the target" },
	{ "neg.kind.accept", "Accord", "Agreement" },
	{ "neg.accept", "Accepter l'offre", "Accept the offer" },
	{ "neg.submit_means", "Contre-proposer les moyens", "Counter-propose the means" },
	{ "neg.submit_target", "Contre-proposer la cible", "Counter-propose the target" },
	{ "neg.submit_proposal", "Proposer", "Propose" },
	{ "col.checkin", "Dernier point", "Last check-in" },
	{ "checkin.none", "aucun", "none" },
	{ "checkin.title", "Points d'étape", "Check-ins" },
	{ "checkin.comment", "Où en est-il ? Ce qui s'est passé, la suite",
	  "Where does it stand? What happened, what comes next" },
	{ "checkin.confidence", "Confiance", "Confidence" },
	{ "checkin.unsaid", "(non précisée)", "(not said)" },
	{ "checkin.blockers", "Ce qui bloque", "Blockers" },
	{ "checkin.feedback", "Faire un retour sur cet objectif", "Give feedback on this objective" },
	{ "checkin.next_steps", "Prochaines étapes", "Next steps" },
	{ "checkin.value", "Valeur de l'indicateur (mesuré à la main)", "The indicator's value (measured by hand)" },
	{ "checkin.value_given", "valeur donnée :", "value given:" },
	{ "checkin.submit", "Enregistrer le point", "Save the check-in" },
	{ "checkin.empty", "Aucun point d'étape pour l'instant.", "No check-in yet." },
	{ "checkin.then", "atteinte alors :", "attainment then:" },
	{ "checkin.more", "Les plus récents :", "The most recent:" },
	{ "obj.ambition", "Ambition", "Ambition" },
	{ "obj.axis", "Axe stratégique", "Strategic axis" },
	{ "obj.done", "fait", "done" },
	{ "cascade.title", "La cascade des objectifs", "The cascade of objectives" },
	{ "cascade.children", "Objectifs déclinés", "Cascaded objectives" },
	{ "col.progress", "Avancement", "Progress" },
	{ "col.value", "Réalisé", "Actual" },
	{ "col.forecast", "Prévision", "Forecast" },
	{ "col.owner", "Porteur", "Owner" },
	{ "col.person", "Personne", "Person" },
	{ "col.objectives", "Objectifs", "Objectives" },
	{ "bar.label", "Atteinte {0} ; rythme attendu aujourd'hui {1}",
	  "Attainment {0}; pace expected today {1}" },
	{ "bar.pace", "rythme attendu", "expected pace" },
	{ "obj.progress", "Avancement", "Progress" },
	{ "obj.attainment", "Atteinte", "Attainment" },
	{ "obj.expected", "Attendu aujourd'hui", "Expected today" },
	{ "obj.rollup", "Atteinte des sous-objectifs", "Children's attainment" },
	{ "obj.not_measured",
	  "Cet objectif n'est pas mesuré automatiquement : son indicateur n'est pas un indicateur de l'organisation.",
	  "This objective is not measured automatically: its indicator is not one of the organisation's." },
	{ "obj.chart", "Évolution de l'indicateur", "The indicator over time" },
	{ "obj.chart_desc", "Valeur cumulée depuis le début, rythme attendu et cible",
	  "Value to date since the start, expected pace and target" },
	{ "obj.smart", "Contrôle SMART", "SMART check" },
	{ "obj.score", "Score", "Score" },
	{ "obj.questions", "Questions à se poser", "Questions to ask" },
	{ "obj.edit", "Modifier", "Edit" },
	{ "obj.new_child", "Décliner cet objectif", "Cascade this objective" },
	{ "smart.specific", "Spécifique", "Specific" },
	{ "smart.measurable", "Mesurable", "Measurable" },
	{ "smart.achievable", "Atteignable", "Achievable" },
	{ "smart.relevant", "Pertinent", "Relevant" },
	{ "smart.time_bound", "Temporel", "Time-bound" },
	{ "sv.pass", "ok", "ok" },
	{ "sv.warn", "à revoir", "review" },
	{ "sv.fail", "manque", "missing" },
	{ "chart.target", "cible", "target" },
	{ "chart.value", "réalisé", "actual" },
	{ "form.new_title", "Nouvel objectif", "New objective" },
	{ "form.edit_title", "Modifier l'objectif", "Edit the objective" },
	{ "form.title", "L'objectif en une phrase", "The objective in one sentence" },
	{ "form.title_hint",
	  "Par exemple : « Porter la résolution au premier contact de 70 % à 78 % au T1 2027 ». cible lit la phrase et remplit ce qu'il comprend.",
	  "For example: \"Raise first-contact resolution from 70% to 78% in Q1 2027\". cible reads the sentence and fills in what it understands." },
	{ "form.level", "Niveau", "Level" },
	{ "form.parent", "Objectif parent", "Parent objective" },
	{ "form.axis", "Axe stratégique", "Strategic axis" },
	{ "form.owner", "Porteur (une personne ou une équipe)", "Owner (a person or a team)" },
	{ "form.people", "Personnes", "People" },
	{ "form.units", "Équipes et services", "Teams and services" },
	{ "form.measure", "Mesure", "Measure" },
	{ "form.direction", "Sens", "Direction" },
	{ "form.unit", "Unité", "Unit" },
	{ "form.start", "Début", "Start" },
	{ "form.save", "Enregistrer", "Save" },
	{ "form.smart_wait", "Le contrôle s'affiche dès que vous écrivez.",
	  "The check shows as soon as you type." },
	{ "team.title", "Tableau de bord d'équipe", "Team dashboard" },
	{ "export.csv", "Exporter CSV", "Export CSV" },
	{ "cal.title", "Agenda", "Calendar" },
	{ "cal.link", "Mes échéances dans mon agenda", "My due dates in my calendar" },
	{ "cal.help", "Abonnez votre agenda (Outlook, Google Agenda, Apple Calendrier) à vos échéances, à vos points d'étape à faire et à vos entretiens individuels : il se met à jour tout seul.",
	  "Subscribe your calendar (Outlook, Google Calendar, Apple Calendar) to your due dates, the check-ins you owe and your one-to-ones: it keeps itself up to date." },
	{ "cal.help_other", "Le lien d'agenda de cette personne : vous pouvez le révoquer.",
	  "This person's calendar link: you may revoke it." },
	{ "cal.since", "Lien d'agenda actif depuis le", "Calendar link active since" },
	{ "cal.none", "Pas de lien d'agenda.", "No calendar link." },
	{ "cal.make", "Créer mon lien d'agenda", "Make my calendar link" },
	{ "cal.rotate", "Nouveau lien (l'ancien cesse de marcher)", "New link (the old one stops working)" },
	{ "cal.revoke", "Révoquer le lien", "Revoke the link" },
	{ "cal.made", "Voici votre lien d'agenda secret. Copiez-le dans votre application d'agenda (« s'abonner à un agenda par URL ») : il n'est affiché qu'une fois. Quiconque le connaît voit vos échéances ; révoquez-le s'il a fuité.",
	  "Here is your secret calendar link. Copy it into your calendar application (\"subscribe to a calendar by URL\"): it is shown only once. Anyone who has it sees your due dates; revoke it if it leaked." },
	{ "cal.address", "Adresse de l'agenda", "Calendar address" },
	{ "cal.download", "Télécharger le fichier .ics", "Download the .ics file" },
	{ "cal.back", "Retour à ma page", "Back to my page" },
	{ "export.xlsx", "Exporter Excel", "Export Excel" },
	{ "export.pdf", "Exporter PDF", "Export PDF" },
	{ "team.unit", "Équipe ou service", "Team or service" },
	{ "team.from", "Du", "From" },
	{ "team.to", "Au", "To" },
	{ "team.apply", "Afficher", "Show" },
	{ "team.at_risk", "À surveiller : objectifs à risque ou en retard",
	  "To watch: objectives at risk or off track" },
	{ "team.no_risk", "Aucun objectif à risque sur la période.", "No objective at risk in the period." },
	{ "team.collective", "Objectifs collectifs", "Collective objectives" },
	{ "team.members", "Membres et objectifs", "Members and objectives" },
	{ "team.sort", "Trier par :", "Sort by:" },
	{ "team.sort_risk", "risque", "risk" },
	{ "team.sort_attainment", "atteinte", "attainment" },
	{ "team.sort_name", "nom", "name" },
	{ "team.mean", "Atteinte moyenne", "Mean attainment" },
	{ "team.none", "aucun objectif", "no objective" },
	{ "person.hired", "arrivé(e) le", "hired on" },
	{ "person.none", "Aucun objectif : une personne ne doit jamais rester sans objectif.",
	  "No objective: nobody should be left without objectives." },
	{ "person.new", "Fixer un objectif", "Set an objective" },
	{ "import.title", "Importer de l'activité", "Import activity" },
	{ "import.intro",
	  "Un export CSV de votre téléphonie, CRM ou outil de commande (séparateur , ou ;, UTF-8 ou Windows-1252, dates 31/01/2021 ou 2021-01-31) ou un fichier JSON lines. Réimporter le même fichier ne compte rien deux fois.",
	  "A CSV export of your telephony, CRM or order system (',' or ';' separated, UTF-8 or Windows-1252, dates 31/01/2021 or 2021-01-31) or a JSON-lines file. Importing the same file again counts nothing twice." },
	{ "import.noscript", "Cette page a besoin de JavaScript ; sinon, utilisez « cible import » en ligne de commande.",
	  "This page needs JavaScript; otherwise use \"cible import\" on the command line." },
	{ "import.file", "Fichier", "File" },
	{ "import.preview", "Aperçu des premières lignes", "Preview of the first rows" },
	{ "import.mapping", "Correspondance des colonnes", "Column mapping" },
	{ "import.kind", "Type d'activité", "Kind of activity" },
	{ "import.person", "Colonne de la personne (e-mail, code ou nom)", "Person column (email, code or name)" },
	{ "import.date", "Colonne de la date", "Date column" },
	{ "import.time", "Colonne de l'heure", "Time column" },
	{ "import.id", "Colonne de l'identifiant (sinon, la ligne elle-même)", "Id column (else the row itself)" },
	{ "import.fields", "Champs à garder", "Fields to keep" },
	{ "import.use", "Garder", "Keep" },
	{ "import.column", "Colonne", "Column" },
	{ "import.name", "Nom du champ", "Field name" },
	{ "import.type", "Type", "Type" },
	{ "import.sample", "Exemple", "Sample" },
	{ "import.t_text", "texte", "text" },
	{ "import.t_number", "nombre", "number" },
	{ "import.t_bool", "oui/non", "yes/no" },
	{ "import.t_time", "durée hh:mm:ss", "duration hh:mm:ss" },
	{ "import.t_date", "date", "date" },
	{ "import.t_duration", "durée mm:ss, h:mm:ss ou secondes (minutes si l'en-tête le dit)",
	  "duration mm:ss, h:mm:ss or seconds (minutes when the header says so)" },
	{ "import.t_minutes", "durée en minutes décimales (3,77)", "duration in decimal minutes (3.77)" },
	{ "import.keep_good", "Garder les bonnes lignes si d'autres sont fausses",
	  "Keep the good rows if others are wrong" },
	{ "import.save", "Enregistrer cette correspondance sous le nom (facultatif)",
	  "Save this mapping under the name (optional)" },
	{ "import.run", "Importer", "Import" },
	{ "import.w_read", "lignes lues", "rows read" },
	{ "import.w_stored", "enregistrées", "stored" },
	{ "import.w_duplicates", "déjà présentes", "already there" },
	{ "import.w_rejected", "refusées", "rejected" },
	{ "import.w_nothing", "Rien n'a été enregistré : corrigez les lignes ci-dessous ou gardez les bonnes lignes.",
	  "Nothing was stored: fix the rows below or keep the good rows." },
	{ "import.w_line", "ligne", "line" },
	{ "import.w_column", "colonne", "column" },
	{ "import.w_done", "Import terminé.", "Import done." },
	{ "import.w_failed", "L'import a échoué :", "The import failed:" },
	{ "import.w_dialect_comma", "séparateur virgule", "comma-separated" },
	{ "import.w_dialect_semicolon", "séparateur point-virgule", "semicolon-separated" },
	{ "import.w_dialect_tab", "séparateur tabulation", "tab-separated" },
	{ "import.w_decimal_comma", "virgule décimale", "decimal comma" },
	{ "admin.title", "Administration", "Administration" },
	{ "admin.units", "Équipes et services", "Teams and services" },
	{ "admin.people", "Personnes et rôles", "People and roles" },
	{ "admin.indicators", "Indicateurs", "Indicators" },
	{ "admin.tokens", "Mes jetons d'API", "My API tokens" },
	{ "admin.audit", "Journal d'audit", "Audit trail" },
	{ "admin.audit_help", "Chaque modification, qui l'a faite et quand, avec les valeurs avant et après.",
	  "Every change, who made it and when, with the values before and after." },
	{ "admin.name", "Nom", "Name" },
	{ "admin.kind", "Type", "Kind" },
	{ "admin.service", "Métier", "Line of work" },
	{ "admin.parent", "Rattachée à", "Part of" },
	{ "admin.add_unit", "Ajouter l'unité", "Add the unit" },
	{ "admin.role_unit", "Rôle et unité", "Role and unit" },
	{ "admin.role", "Rôle", "Role" },
	{ "admin.unit", "Unité", "Unit" },
	{ "admin.save", "Enregistrer", "Save" },
	{ "admin.more_people", "Les 500 premières personnes sont montrées ; l'API les donne toutes.",
	  "The first 500 people are shown; the API gives them all." },
	{ "admin.job", "Fonction", "Job" },
	{ "admin.hired_on", "Date d'arrivée", "Hired on" },
	{ "admin.password", "Mot de passe (12 caractères au moins ; vide : pas de connexion)",
	  "Password (12 characters at least; empty: no login)" },
	{ "admin.add_person", "Ajouter la personne", "Add the person" },
	{ "admin.indicators_help",
	  "Une expression sur les enregistrements d'activité, par exemple 100 * share(resolved) where answered. Le langage est décrit dans docs/indicators.md.",
	  "An expression over activity records, for example 100 * share(resolved) where answered. The language is described in docs/indicators.md." },
	{ "admin.key", "Clé", "Key" },
	{ "admin.expr", "Expression", "Expression" },
	{ "admin.activity_kind", "Type d'activité (call, sale…)", "Kind of activity (call, sale...)" },
	{ "admin.name_fr", "Nom en français", "French name" },
	{ "admin.name_en", "Nom en anglais", "English name" },
	{ "admin.add_indicator", "Ajouter l'indicateur", "Add the indicator" },
	{ "admin.tokens_help",
	  "Un jeton permet à un outil (téléphonie, CRM) d'appeler l'API en votre nom : en-tête Authorization: Bearer.",
	  "A token lets a tool (telephony, CRM) call the API on your behalf: header Authorization: Bearer." },
	{ "admin.token_name", "Nom du jeton (à quoi il sert)", "Token name (what it is for)" },
	{ "admin.add_token", "Créer un jeton", "Make a token" },
	{ "admin.token_once", "Voici le jeton ; il ne sera plus jamais affiché :",
	  "Here is the token; it will never be shown again:" },
	{ "admin.revoke", "Révoquer", "Revoke" },
	{ "error.title", "Erreur", "Error" },
	{ "error.back", "Revenir à l'accueil", "Back to the home page" },
	{ NULL, NULL, NULL }
};

const char *T(struct req *r, const char *key)
{
	const char *t = msg_text(web_catalog, key, r->lang);
	if (!t)
		t = msg_text(words_catalog, key, r->lang);  /* the words every surface shares */
	return t ? t : key;
}

const char *T_page(struct req *r, const struct msg *page_catalog, const char *key)
{
	const char *t = msg_text(page_catalog, key, r->lang);
	return t ? t : T(r, key);
}

enum lang web_lang(struct req *r)
{
	const char *c = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "cible_lang");
	if (c && (!strcmp(c, "fr") || !strcmp(c, "en")))
		return lang_parse(c);
	return r->lang;
}

void html(struct req *r, const char *text)
{
	if (text)
		buf_add_html(&r->out, text);
}

void htmlf_raw(struct req *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&r->out, fmt, ap);
	va_end(ap);
}

void html_num(struct req *r, double v)
{
	buf_add_num(&r->out, v, 2, 0, r->lang);
}

void html_date(struct req *r, day_t d)
{
	if (d == DAY_NONE) {
		buf_adds(&r->out, "—");
		return;
	}
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (r->lang == LANG_FR)
		buf_addf(&r->out, "%02d/%02d/%04d", dd, m, y);
	else
		buf_addf(&r->out, "%04d-%02d-%02d", y, m, dd);
}

void page_open(struct req *r, const char *title)
{
	page_open_script(r, title, NULL);
}

void page_open_script(struct req *r, const char *title, const char *script)
{
	buf_reset(&r->out);
	buf_addf(&r->out, "<!doctype html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		 "<title>", lang_code(r->lang));
	html(r, title);
	buf_adds(&r->out, " — cible</title><link rel=\"stylesheet\" href=\"/static/cible.css\">");
	if (r->auth == AUTH_COOKIE && r->csrf) {
		/* scripts of ours call the API with the session: they need the token */
		buf_adds(&r->out, "<meta name=\"csrf-token\" content=\"");
		html(r, r->csrf);
		buf_adds(&r->out, "\">");
	}
	if (script)
		buf_addf(&r->out, "<script src=\"/static/%s\" defer></script>", script);
	buf_adds(&r->out, "</head><body><a class=\"skip\" href=\"#main\">");
	html(r, T(r, "nav.skip"));
	buf_adds(&r->out, "</a><header><a class=\"brand\" href=\"/\">cible</a> <span>");
	html(r, T(r, "app.tagline"));
	buf_adds(&r->out, "</span><nav>");
	if (r->auth != AUTH_NONE) {
		buf_adds(&r->out, "<a href=\"/\">");
		html(r, T(r, "nav.mine"));
		buf_adds(&r->out, "</a>");
		if (r->me.role != ROLE_MEMBER) {
			buf_adds(&r->out, "<a href=\"/team\">");
			html(r, T(r, "nav.team"));
			buf_adds(&r->out, "</a>");
		}
		buf_adds(&r->out, "<a href=\"/cascade\">");
		html(r, T(r, "nav.cascade"));
		buf_adds(&r->out, "</a><a href=\"/challenges\">");
		html(r, T(r, "nav.challenges"));
		buf_adds(&r->out, "</a><a href=\"/feedback\">");
		html(r, T(r, "nav.feedback"));
		buf_adds(&r->out, "</a><a href=\"/one-to-ones\">");
		html(r, T(r, "nav.oneonones"));
		buf_adds(&r->out, "</a><a href=\"/settings/notifications\">");
		html(r, T(r, "nav.notifications"));
		buf_adds(&r->out, "</a><a href=\"/reviews\">");
		html(r, T(r, "nav.reviews"));
		buf_adds(&r->out, "</a>");
		if (r->me.role == ROLE_ADMIN || r->me.role == ROLE_MANAGER) {
			buf_adds(&r->out, "<a href=\"/import\">");
			html(r, T(r, "nav.import"));
			buf_adds(&r->out, "</a>");
		}
		if (r->me.role == ROLE_ADMIN) {
			buf_adds(&r->out, "<a href=\"/admin\">");
			html(r, T(r, "nav.admin"));
			buf_adds(&r->out, "</a>");
		}
	}
	buf_addf(&r->out, "<a href=\"/lang/%s\" lang=\"%s\">", r->lang == LANG_FR ? "en" : "fr",
		 r->lang == LANG_FR ? "en" : "fr");
	html(r, T(r, "nav.lang"));
	buf_adds(&r->out, "</a>");
	if (r->auth == AUTH_COOKIE) {
		buf_adds(&r->out, "<form method=\"post\" action=\"/logout\" class=\"inline\">"
			 "<input type=\"hidden\" name=\"csrf\" value=\"");
		html(r, r->csrf);
		buf_adds(&r->out, "\"><button type=\"submit\">");
		html(r, T(r, "nav.logout"));
		buf_adds(&r->out, "</button></form>");
	}
	buf_adds(&r->out, "</nav></header><main id=\"main\">");
}

int page_close(struct req *r)
{
	buf_adds(&r->out, "</main></body></html>");
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	return 0;
}

void web_redirect(struct req *r, const char *to)
{
	snprintf(r->location, sizeof(r->location), "%s", to);
	r->status = 302;
	r->content_type = "text/html; charset=utf-8";
	buf_reset(&r->out);
}

void web_error_page(struct req *r)
{
	int status = r->err.status ? r->err.status : 500;
	struct buf m = BUF_INIT;
	err_message(&r->err, r->lang, &m);
	page_open(r, T(r, "error.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "error.title"));
	buf_addf(&r->out, " %d</h1><p class=\"error\" role=\"alert\">", status);
	html(r, m.data);
	buf_adds(&r->out, "</p><p><a href=\"/\">");
	html(r, T(r, "error.back"));
	buf_adds(&r->out, "</a></p>");
	page_close(r);
	r->status = status;
	buf_free(&m);
}

/* ---- forms ---- */

const char *form(struct req *r, const char *name)
{
	/* parsed once per request, kept in the arena */
	if (!r->form_parsed) {
		r->form_parsed = 1;
		r->form_n = http_form_fields(r->conn, r->body, r->body_len, &r->arena, r->form_name,
					     r->form_value, FORM_MAX);
	}
	for (int i = 0; i < r->form_n; i++)
		if (!strcmp(r->form_name[i], name))
			return r->form_value[i];
	return NULL;
}

int web_number(const char *text, double *out)
{
	/* a comma with no dot is the decimal comma; with a dot, thousands */
	bool comma = strchr(text, ',') && !strchr(text, '.');
	return csv_number(text, comma, out);
}

void html_csrf(struct req *r)
{
	buf_adds(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html(r, r->csrf ? r->csrf : "");
	buf_adds(&r->out, "\">");
}

int form_csrf(struct req *r)
{
	const char *tok = form(r, "csrf");
	if (!tok || !r->csrf || strlen(tok) != strlen(r->csrf) ||
	    sodium_memcmp(tok, r->csrf, strlen(tok)))
		return fail(r, 403, "csrf", NULL, NULL, NULL);
	return 0;
}

/* ---- static assets and language ---- */

int page_static(struct req *r)
{
	const char *name = r->param[0];
	const struct embedded_file *f = strcmp(name, "openapi.json")
		? embedded_find(assets_files, name) : NULL;
	if (!f)
		return fail(r, 404, "not_found", NULL, name, NULL);
	const char *dot = strrchr(name, '.');
	r->content_type = !dot ? "application/octet-stream"
		: !strcmp(dot, ".css") ? "text/css; charset=utf-8"
		: !strcmp(dot, ".js") ? "text/javascript; charset=utf-8"
		: !strcmp(dot, ".svg") ? "image/svg+xml" : "application/octet-stream";
	buf_add(&r->out, f->data, f->size);
	r->status = 200;
	return 0;
}

int page_lang(struct req *r)
{
	const char *l = r->param[0];
	if (strcmp(l, "fr") && strcmp(l, "en"))
		return fail(r, 404, "not_found", NULL, l, NULL);
	/* remembered for a year; SameSite=Lax so the link itself can set it */
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "cible_lang=%s; Path=/; SameSite=Lax; Max-Age=31536000", l);
	web_redirect(r, "/");
	return 0;
}
