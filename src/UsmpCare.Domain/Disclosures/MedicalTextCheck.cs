using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UsmpCare.Domain.Disclosures;

/// <summary>
/// P25 / P05: text that leaves the care team (a share with SPIP, a signalement to the director, an attestation) must
/// carry no diagnostic element. The text is checked against the patient's own diagnoses (labels and CIM-10 codes) and
/// treatments, and against a list of medical words; the author must rephrase before anything leaves.
/// </summary>
public static partial class MedicalTextCheck
{
    /// <summary>Stems of medical words, unaccented and lower case: a word starting with one of them is refused.</summary>
    private static readonly string[] Stems =
    [
        "diagnost", "patholog", "maladie", "traitement", "medicament", "ordonnance", "posologie", "psychiatr",
        "psychot", "psychose", "schizo", "depress", "bipolaire", "suicid", "automutil", "mutilation", "scarific", "vih",
        "sida", "seroposit", "seroneg", "hepatite", "tubercul", "cancer", "tumeur", "diabet", "epilep", "addict",
        "toxicoman", "substitution", "methadone", "buprenorphine", "subutex", "alcool", "sevrage", "antidepress", "deprim",
        "neurolept", "anxiolyt", "antipsychot", "hospitalis", "syndrome", "symptom", "infection", "infectieu",
        "insulin", "chimio", "handicap mental", "trouble psych", "troubles psych", "delire", "delirant", "hallucin",
        "cim-10", "asthm", "hypertens", "hypotens", "cardiaque", "infarctus", "cirrhos", "convuls", "angoiss",
        "anxiet", "anxieu", "insomn", "cephal", "migrain", "douleur", "fracture", "entorse", "luxation", "contusion",
        "hematome", "ecchymose", "plaie", "suture", "pansement", "platre", "grossesse", "allergi", "allergiq",
        "cholesterol", "thyroid", "apnee", "glycem", "paranoi", "autisme", "autiste", "anorexi", "boulimi", "phobi",
        "obsessionn", "hyperactiv", "melancoli", "idees noires", "pendaison", "drogue", "cannabis", "cocaine", "heroine",
        "opiace", "opioide", "stupefiant", "syphilis", "herpes", "chlamydia", "covid", "grippe", "contagi", "vaccin",
        "lymphome", "leucemie", "metasta", "carcinome", "bronchit", "pneumopath", "pneumonie", "renale", "ulcere",
        "hernie", "lombalgi", "sciatique", "arthrose", "rhumatism", "comprime", "gelule", "injection", "perfusion",
        "piqure", "pilule", "antibiot", "antalgi", "somnif", "hypnotiq", "benzodiazep", "morphin", "therap",
        "prise de sang", "sanguin", "radiograph", "depistage", "obesite", "obese", "demence", "alzheimer", "parkinson",
        "sclerose", "avc", "hemiple", "paraple", "tetraple", "incontinen", "stomie", "sonde", "intoxic", "overdose",
        "surdose", "nicotin", "tabagi", "hepatique", "virus", "viral", "virale", "bacteri", "fievre", "nausee",
        "vomiss", "diarrhe", "malaise", "syncope", "coma", "psychiq", "mental", "mentale",
    ];

    /// <summary>
    /// Abbreviations clinicians write, matched as whole words only (« hta » blocks « HTA », not a word that starts
    /// with it): they name a disease, a treatment or a psychiatric place as surely as the full words.
    /// </summary>
    private static readonly HashSet<string> Abbreviations =
    [
        "vih", "vhc", "vhb", "tso", "hta", "bpco", "idm", "tca", "tdah", "toc", "tspt", "ist", "mst", "ivg", "ecg",
        "eeg", "ald", "uhsa", "uhsi", "smpr", "cmp", "cmpp", "sdre", "sdt", "hdt", "hdj", "cattp", "tcc", "psy",
        "kine", "gale", "tb", "bk", "ts", "tsa", "dt1", "dt2", "did", "dnid", "irc", "ira", "insuf", "hiv", "hcv",
        "arv", "ains", "ipp", "avk", "aod", "mso", "trod", "caarud",
    ];

    /// <summary>Secured hospital units (UHSI, UHSA): a place's name may say them, a letter's text may not.</summary>
    private static readonly string[] SecuredHospitals = ["UHSI ", "UHSA "];

    /// <summary>
    /// The drug names a prison health unit prescribes day to day (generic and brand names, unaccented): substitution,
    /// psychotropics, analgesics, antibiotics, antiretrovirals and anti-VHC, chronic treatments. A word starting with
    /// one of them is refused (« sertraline », « Subutex® », « méthadones »).
    /// </summary>
    public static IReadOnlyList<string> DrugNames { get; } =
    [
        "methadone", "buprenorphine", "subutex", "suboxone", "orobupre", "naloxone", "nalscue", "prenoxad", "naltrexone",
        "baclofene", "aotal", "acamprosate", "esperal", "disulfirame", "tercian", "cyamemazine", "loxapine", "loxapac",
        "haldol", "haloperidol", "risperdal", "risperidone", "olanzapine", "zyprexa", "aripiprazole", "abilify",
        "quetiapine", "xeroquel", "clozapine", "leponex", "amisulpride", "solian", "paliperidone", "xeplion",
        "depakote", "depakine", "divalproate", "valproate", "lithium", "teralithe", "tegretol", "carbamazepine",
        "lamotrigine", "lamictal", "keppra", "levetiracetam", "lyrica", "pregabaline", "seresta", "oxazepam", "valium",
        "diazepam", "xanax", "alprazolam", "lexomil", "bromazepam", "tranxene", "clorazepate", "rivotril", "clonazepam",
        "atarax", "hydroxyzine", "stilnox", "zolpidem", "imovane", "zopiclone", "theralene", "noctran", "deroxat",
        "paroxetine", "seroplex", "escitalopram", "citalopram", "prozac", "fluoxetine", "zoloft", "sertraline",
        "effexor", "venlafaxine", "cymbalta", "duloxetine", "laroxyl", "amitriptyline", "mirtazapine", "norset",
        "skenan", "morphine", "oxycodone", "oxycontin", "tramadol", "topalgic", "codeine", "lamaline", "izalgi",
        "paracetamol", "doliprane", "dafalgan", "efferalgan", "ibuprofene", "advil", "nurofen", "ketoprofene",
        "profenid", "spasfon", "amoxicilline", "augmentin", "doxycycline", "pristinamycine", "azithromycine",
        "ciprofloxacine", "metronidazole", "flagyl", "isoniazide", "rimifon", "rifampicine", "rifinah", "ethambutol",
        "pyrazinamide", "biktarvy", "truvada", "triumeq", "genvoya", "descovy", "odefsey", "dovato", "dolutegravir",
        "tivicay", "tenofovir", "emtricitabine", "epclusa", "maviret", "harvoni", "sofosbuvir", "metformine",
        "glucophage", "gliclazide", "diamicron", "lantus", "novorapid", "humalog", "levemir", "amlodipine", "ramipril",
        "perindopril", "bisoprolol", "atenolol", "kardegic", "aspegic", "atorvastatine", "tahor", "simvastatine",
        "ventoline", "salbutamol", "seretide", "symbicort", "levothyrox", "levothyroxine", "omeprazole", "esomeprazole",
        "inexium", "mopral", "pantoprazole", "inipomp", "previscan", "coumadine", "xarelto", "eliquis", "nicopatch",
        "nicorette", "niquitin", "champix", "ivermectine", "stromectol", "ascabiol", "spregal", "fortimel", "risperidal",
    ];

    /// <summary>The medical word stems, for the tests that type them where the AP could read them.</summary>
    public static IReadOnlyList<string> MedicalStems => Stems;

    /// <summary>
    /// Stems of medical specialties and services, unaccented: a place an escort goes to names the establishment, never
    /// the service — « cardiologie » tells the AP why (P05, P32).
    /// </summary>
    public static IReadOnlyList<string> Specialties { get; } =
    [
        "cardio", "dermato", "pneumo", "gastro", "hepato", "neurolog", "neurochir", "oncolog", "cancerolog", "radiolog",
        "radiotherap", "urolog", "gyneco", "obstetri", "maternite", "pediatr", "ophtalmo", "oto-rhino", "stomato",
        "dentaire", "dentiste", "orthoped", "traumato", "rhumato", "endocrino", "nephrolog", "dialys", "hematolog",
        "infectiolog", "geriatr", "addictolog", "psycholog", "chirurg", "anesthes", "imagerie", "scanner", "irm",
        "echograph", "endoscop", "coloscop", "fibroscop", "biopsi", "kinesi", "reeducation", "allergo", "angiolog",
        "medecine", "urgences", "orl", "soins palliatifs", "planning familial", "cegidd", "csapa",
    ];

    /// <summary>Words that name a part of a hospital rather than the hospital.</summary>
    private static readonly string[] Departments = ["service", "services", "pole", "departement", "consultation", "consultations", "unite de", "bloc"];

    /// <summary>The words of a place's name that say more than the establishment: medical words, specialties, services.</summary>
    public static IReadOnlyList<string> PlaceNameProblems(string name)
    {
        var words = Normalize(name).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var spaced = " " + string.Join(' ', words) + " ";
        return
        [
            // The specialties are listed below; a UHSI or a UHSA is an establishment the escort goes to (P32).
            .. Find(name, [], [], []).Where(r => !r.EndsWith("(spécialité)", StringComparison.Ordinal)
                && !SecuredHospitals.Any(h => r.StartsWith(h, StringComparison.Ordinal))),
            .. Specialties.Where(s => s.Contains(' ') ? spaced.Contains(" " + s + " ", StringComparison.Ordinal)
                : words.Any(w => w.StartsWith(s, StringComparison.Ordinal) && (s.Length > 3 || w == s))),
            .. Departments.Where(d => spaced.Contains(" " + d + " ", StringComparison.Ordinal)),
        ];
    }

    /// <summary>Words of diagnosis labels that say nothing medical by themselves, or that ordinary letters use.</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "precision", "affecte", "affectee", "affectes", "affectees", "enfant", "enfants", "langue", "langues", "menace", "menaces", "episode", "episodes", "autres", "troubles", "trouble", "chronique", "aigue", "etat", "forme",
        "type", "simple", "severe", "leger", "moyen", "moyens", "moyenne", "primitive", "essentielle", "specifie",
        "specifiee", "utilisation", "abandon", "accident", "activite", "actuel", "actuellement", "adaptation", "adulte",
        "agression", "ailleurs", "alimentation", "aliments", "analphabetisme", "appareil", "attention", "autorites",
        "carabine", "certificat", "classe", "classee", "classees", "classes", "collision", "commune", "complexes",
        "compris", "comportement", "conditions", "conduites", "confirmation", "confirmee", "conseil", "conseils",
        "constatation", "contact", "contre", "culture", "decision", "definis", "delaissement", "demande", "depots",
        "derives", "devant", "difficultes", "disparition", "effectue", "effets", "elevation", "embauche",
        "emprisonnement", "energetique", "escalier", "essentiellement", "etranger", "evidence", "examen", "examens",
        "excessive", "exposes", "exposition", "externe", "extreme", "extremite", "facteur", "faible", "faibles",
        "famille", "general", "generalisee", "generalises", "glissade", "grande", "identifie", "impliquant",
        "incarceration", "indication", "infligee", "infligees", "infliges", "instruction", "intentionnelle",
        "intervention", "juridiques", "liberation", "localisation", "localisee", "machoire", "maintien", "marches",
        "materiel", "mauvais", "medical", "membre", "membres", "mention", "mouvement", "multiples", "necessite",
        "niveau", "normale", "objets", "observation", "origine", "ouverte", "ouvertes", "partie", "partielle",
        "partielles", "parties", "pauvrete", "personne", "personnels", "placant", "poussant", "precise", "precisee",
        "precisees", "precises", "presence", "presentant", "pression", "primaire", "prison", "production", "produits",
        "provocation", "provoquant", "publique", "raisons", "reaction", "reactions", "region", "regime", "relatifs",
        "remission", "renouvelee", "resultant", "retard", "retenue", "revenus", "risque", "sautant", "second",
        "secondaires", "situations", "sociale", "sociales", "special", "sujets", "surveillance", "suspicion", "systeme",
        "taille", "tranchant", "transitoire", "travail", "troisieme", "vehicule", "veille", "victime", "violence",
        "inferieur", "inferieure", "inferieures", "inferieurs", "superieures", "profondes", "profonds", "personnalite",
        "sommeil", "fatigue", "stress", "humeur", "physique", "physiques", "mixtes", "episodique", "persistant",
        "decharge", "residuelle", "recurrent", "perturbation", "biologiques", "chimiques", "liquides", "vapeur",
        "flammes", "chauds", "couchant", "conscient", "consciente", "classique", "banal", "toute", "doigts", "epaule",
        "cheville", "poignet", "genitaux", "organes", "tissus", "emotionnel", "emotionnellement", "explosif",
        "signes", "manifestations", "complication", "complications", "incapacite", "conviction", "seduction",
        "simulation", "simulateur", "porteur", "capitis", "corporis", "humanus", "vulgaire", "vulgaris", "labile",
        "blessure", "tension", "humaine", "agissant", "allegation", "anormale", "autonome", "bassin", "bouchon",
        "calcul", "cellulaire", "coiffe", "conversion", "crises", "delivrance", "disque", "disques", "extraction",
        "goutte", "incarne", "indesirable", "induit", "moteur", "nerveux", "plancher", "recession", "retention",
        "rupture", "transmission", "transmises", "agitation", "anomalies", "recidivants", "absorption", "orbite", "organisme",
    ];

    /// <summary>
    /// The words of the CIM-10 labels the unit codes (Records/cim10-fr.txt), chapters A to T (the diseases and
    /// injuries; V to Z are circumstances, not diagnoses), minus the common words: « asthme », « gonarthrose ».
    /// </summary>
    private static readonly Lazy<string[]> Cim10Words = new(() =>
    [
        .. Records.Cim10.All.Where(c => c.Code[0] <= 'T')
            .SelectMany(c => Normalize(c.Label).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 6 && w.All(char.IsLetter) && !CommonWords.Contains(w))
            .Select(w => w[..Math.Min(w.Length, 7)])
            .Distinct(),
    ]);

    [GeneratedRegex(@"\b[A-TV-Z][0-9]{2}(\.[0-9]{1,2})?\b")]
    private static partial Regex Cim10Code();

    public static IReadOnlyList<string> Find(string? text, IEnumerable<string> diagnosisLabels,
        IEnumerable<string> diagnosisCodes, IEnumerable<string> treatments) =>
        Scan(text, diagnosisLabels, diagnosisCodes, treatments).Reasons;

    /// <summary>The words of the text itself that were refused, to highlight them in the preview.</summary>
    public static IReadOnlyList<string> Words(string? text, IEnumerable<string> diagnosisLabels,
        IEnumerable<string> diagnosisCodes, IEnumerable<string> treatments) =>
        Scan(text, diagnosisLabels, diagnosisCodes, treatments).Words;

    private static readonly char[] Separators =
        [' ', ',', ';', '.', ':', '!', '?', '(', ')', '[', ']', '\'', '’', '"', '«', '»', '-', '–', '—', '/', '+', '®', '\n', '\r', '\t', '\u00A0', '\u202F'];

    private static (List<string> Reasons, List<string> Words) Scan(string? text, IEnumerable<string> diagnosisLabels,
        IEnumerable<string> diagnosisCodes, IEnumerable<string> treatments)
    {
        var found = new List<string>();
        var hits = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (found, hits);
        }
        var normalized = " " + Normalize(text) + " ";
        var originals = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var words = originals.Select(Normalize).ToArray();
        void Hit(Func<string, bool> match, string reason)
        {
            var matched = false;
            for (var i = 0; i < words.Length; i++)
            {
                if (match(words[i]))
                {
                    hits.Add(originals[i]);
                    matched = true;
                }
            }
            if (matched)
            {
                found.Add(reason);
            }
        }
        var spaced = " " + string.Join(' ', words) + " ";
        void Phrase(string phrase, string reason)
        {
            if (spaced.Contains(" " + phrase, StringComparison.Ordinal))
            {
                found.Add(reason);
                hits.Add(phrase);
            }
        }
        foreach (var stem in Stems)
        {
            if (stem.Contains(' '))
            {
                Phrase(stem, stem);
                continue;
            }
            Hit(w => w.StartsWith(stem, StringComparison.Ordinal), stem);
        }
        foreach (var abbreviation in Abbreviations)
        {
            Hit(w => w == abbreviation, $"{abbreviation.ToUpperInvariant()} (abréviation médicale)");
        }
        foreach (var drug in DrugNames)
        {
            Hit(w => w.StartsWith(drug, StringComparison.Ordinal), $"{drug} (médicament)");
        }
        foreach (var specialty in Specialties)
        {
            if (specialty.Contains(' '))
            {
                Phrase(specialty, $"{specialty} (spécialité)");
                continue;
            }
            // A short specialty (« orl », « irm ») is a whole word; a longer one a stem (« cardiologue »).
            Hit(w => specialty.Length > 3 ? w.StartsWith(specialty, StringComparison.Ordinal) : w == specialty,
                $"{specialty} (spécialité)");
        }
        foreach (var cim in Cim10Words.Value)
        {
            Hit(w => w.StartsWith(cim, StringComparison.Ordinal), $"{cim} (libellé CIM-10)");
        }
        foreach (var label in diagnosisLabels)
        {
            foreach (var labelWord in Normalize(label).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                         .Where(w => w.Length >= 6 && !CommonWords.Contains(w)))
            {
                var prefix = labelWord[..Math.Min(labelWord.Length, 7)];
                Hit(w => w.StartsWith(prefix, StringComparison.Ordinal), $"{labelWord} (diagnostic du patient : {label})");
            }
        }
        foreach (var code in diagnosisCodes.Concat(Cim10Code().Matches(text).Select(m => m.Value)).Distinct())
        {
            if (text.Contains(code, StringComparison.OrdinalIgnoreCase) || text.Contains(code.Replace(".", ""), StringComparison.OrdinalIgnoreCase))
            {
                found.Add($"code {code}");
                hits.Add(code);
            }
        }
        foreach (var treatment in treatments)
        {
            var name = Normalize(treatment).Split(Separators, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (name is { Length: >= 5 })
            {
                Hit(w => w.StartsWith(name, StringComparison.Ordinal), $"{name} (traitement du patient)");
            }
        }
        return ([.. found.Distinct()], [.. hits.Distinct()]);
    }

    /// <summary>The French message that stops the text, or null when it may leave.</summary>
    public static string? Refusal(IReadOnlyList<string> found) => found.Count == 0
        ? null
        : $"Ce texte contient des éléments médicaux qui ne peuvent pas quitter l'équipe de soins : {string.Join(", ", found)}. Reformulez sans diagnostic ni traitement (P25, P05).";

    public static string Normalize(string text)
    {
        // « œ » and « æ » are letters of their own in Unicode: folded so that « œsophagite » matches « oesophagite ».
        var decomposed = text.ToLowerInvariant().Replace("œ", "oe").Replace("æ", "ae").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
