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
        "psychot", "psychose", "schizo", "depress", "bipolaire", "suicid", "automutil", "vih", "sida", "seroposit",
        "hepatite", "tubercul", "cancer", "tumeur", "diabet", "epilep", "addict", "toxicoman", "substitution",
        "methadone", "buprenorphine", "subutex", "alcoolo", "sevrage", "antidepress", "neurolept", "anxiolyt",
        "antipsychot", "hospitalis", "syndrome", "symptom", "infection", "insuline", "chimio", "handicap mental",
        "trouble psych", "delire", "hallucin", "cim-10",
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
            .. Find(name, [], [], []),
            .. Specialties.Where(s => s.Contains(' ') ? spaced.Contains(" " + s + " ", StringComparison.Ordinal)
                : words.Any(w => w.StartsWith(s, StringComparison.Ordinal) && (s.Length > 3 || w == s))),
            .. Departments.Where(d => spaced.Contains(" " + d + " ", StringComparison.Ordinal)),
        ];
    }

    private static readonly HashSet<string> CommonWords =
    [
        "precision", "episode", "autres", "troubles", "trouble", "chronique", "aigue", "etat", "forme", "type",
        "simple", "severe", "leger", "moyen", "primitive", "essentielle", "specifie", "specifiee", "utilisation",
    ];

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
        [' ', ',', ';', '.', ':', '!', '?', '(', ')', '\'', '’', '"', '«', '»', '-', '/', '\n', '\r', '\t'];

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
        foreach (var stem in Stems)
        {
            if (stem.Contains(' '))
            {
                if (normalized.Contains(" " + stem, StringComparison.Ordinal))
                {
                    found.Add(stem);
                    hits.Add(stem);
                }
                continue;
            }
            Hit(w => w.StartsWith(stem, StringComparison.Ordinal), stem);
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
            var name = Normalize(treatment).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (name is { Length: >= 5 })
            {
                Hit(w => w == name, $"{name} (traitement du patient)");
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
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
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
