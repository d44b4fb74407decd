using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Records;

public sealed record Cim10Code(string Code, string Label)
{
    public override string ToString() => $"{Code} — {Label}";

    /// <summary>What a search matches: the code without its dot and the label, lower case and without accents.</summary>
    public string SearchText => $"{Code.Replace(".", "").ToLowerInvariant()} {Code.ToLowerInvariant()} {MedicalTextCheck.Normalize(Label)}";
}

/// <summary>A chapter of the classification, by its first and last category (« A00 »–« B99 »).</summary>
public sealed record Cim10Chapter(string Number, string First, string Last, string Title)
{
    public bool Holds(string code) => string.CompareOrdinal(code[..3], First) >= 0 && string.CompareOrdinal(code[..3], Last) <= 0;
}

/// <summary>
/// The CIM-10 (ICD-10, French edition of the ATIH) codes UsmpCare ships: the codes a prison health unit uses most, in
/// every chapter, in the ATIH's own file format (Records/cim10-fr.txt, read by <see cref="Cim10File"/>). A unit loads
/// the full ATIH file with the <c>import-cim10</c> command; the Web's catalogue adds the imported codes to these.
/// </summary>
public static class Cim10
{
    private static readonly Lazy<IReadOnlyDictionary<string, Cim10Code>> Codes = new(Load);

    /// <summary>The 22 chapters of the CIM-10 (WHO, 2019 edition; U for special purposes).</summary>
    public static readonly IReadOnlyList<Cim10Chapter> Chapters =
    [
        new("I", "A00", "B99", "Certaines maladies infectieuses et parasitaires"),
        new("II", "C00", "D48", "Tumeurs"),
        new("III", "D50", "D89", "Maladies du sang et des organes hématopoïétiques et certains troubles du système immunitaire"),
        new("IV", "E00", "E90", "Maladies endocriniennes, nutritionnelles et métaboliques"),
        new("V", "F00", "F99", "Troubles mentaux et du comportement"),
        new("VI", "G00", "G99", "Maladies du système nerveux"),
        new("VII", "H00", "H59", "Maladies de l'œil et de ses annexes"),
        new("VIII", "H60", "H95", "Maladies de l'oreille et de l'apophyse mastoïde"),
        new("IX", "I00", "I99", "Maladies de l'appareil circulatoire"),
        new("X", "J00", "J99", "Maladies de l'appareil respiratoire"),
        new("XI", "K00", "K93", "Maladies de l'appareil digestif"),
        new("XII", "L00", "L99", "Maladies de la peau et du tissu cellulaire sous-cutané"),
        new("XIII", "M00", "M99", "Maladies du système ostéo-articulaire, des muscles et du tissu conjonctif"),
        new("XIV", "N00", "N99", "Maladies de l'appareil génito-urinaire"),
        new("XV", "O00", "O99", "Grossesse, accouchement et puerpéralité"),
        new("XVI", "P00", "P96", "Certaines affections dont l'origine se situe dans la période périnatale"),
        new("XVII", "Q00", "Q99", "Malformations congénitales et anomalies chromosomiques"),
        new("XVIII", "R00", "R99", "Symptômes, signes et résultats anormaux d'examens cliniques et de laboratoire"),
        new("XIX", "S00", "T98", "Lésions traumatiques, empoisonnements et certaines autres conséquences de causes externes"),
        new("XX", "V01", "Y98", "Causes externes de morbidité et de mortalité"),
        new("XXI", "Z00", "Z99", "Facteurs influant sur l'état de santé et motifs de recours aux services de santé"),
        new("XXII", "U00", "U99", "Codes d'utilisation particulière"),
    ];

    public static IEnumerable<Cim10Code> All => Codes.Value.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public static Cim10Code? Find(string? code)
    {
        var key = Normalize(code);
        return key.Length > 0 && Codes.Value.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>Codes whose code or label holds every word typed, accents and case aside (« hepatite c », « z23 »).</summary>
    public static IEnumerable<Cim10Code> Search(string? query) => Matching(All, query);

    public static IEnumerable<Cim10Code> Matching(IEnumerable<Cim10Code> codes, string? query)
    {
        var words = SearchWords(query);
        return words.Length == 0 ? [] : codes.Where(c => words.All(c.SearchText.Contains));
    }

    /// <summary>The words of a search, folded like <see cref="Cim10Code.SearchText"/>.</summary>
    public static string[] SearchWords(string? query) => string.IsNullOrWhiteSpace(query)
        ? []
        : MedicalTextCheck.Normalize(query.Trim()).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Accepts « J45.9 », « j459 » or « J45.9 — Asthme… » as typed or picked from the list.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }
        var code = input.Trim().Split([' ', '—', '-', '|'], 2)[0].ToUpperInvariant().Replace(".", "");
        return code.Length > 3 ? code[..3] + "." + code[3..] : code;
    }

    private static IReadOnlyDictionary<string, Cim10Code> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UsmpCare.Domain.Records.cim10-fr.txt")
            ?? throw new InvalidOperationException("cim10-fr.txt is not embedded");
        return Cim10File.Read(stream).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }
}

/// <summary>
/// The ATIH's « CIM-10 FR à usage PMSI » label file (LIBCIM10MULTI.TXT): one code a line, fields separated by « | »,
/// Latin-1 — code without its dot (padded with spaces), type MCO/HAD, SMR profile, type PSY, short label, long label.
/// A file is read whole or refused: the first unreadable line is named, and nothing is returned.
/// </summary>
public static partial class Cim10File
{
    public static IReadOnlyList<Cim10Code> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var codes = new List<Cim10Code>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var fields = line.Split('|');
            if (fields.Length < 6)
            {
                throw Refused(number, $"{fields.Length} champ(s) séparés par « | » au lieu de 6 (code|type MCO|profil SMR|type PSY|libellé court|libellé long)");
            }
            var code = fields[0].Trim().ToUpperInvariant();
            if (!CodeShape().IsMatch(code))
            {
                throw Refused(number, $"« {code} » n'a pas la forme d'un code CIM-10 (une lettre, deux chiffres, puis jusqu'à trois caractères, sans point)");
            }
            var label = fields[5].Trim();
            if (label.Length == 0)
            {
                throw Refused(number, $"le code {code} n'a pas de libellé long");
            }
            if (label.Length > Cim10LabelMaxLength || label.Any(char.IsControl))
            {
                throw Refused(number, $"le libellé du code {code} est illisible ou trop long (plus de {Cim10LabelMaxLength} caractères)");
            }
            var normalized = Cim10.Normalize(code);
            if (seen.TryGetValue(normalized, out var first))
            {
                throw Refused(number, $"le code {normalized} figure déjà ligne {first}");
            }
            seen[normalized] = number;
            codes.Add(new Cim10Code(normalized, label));
        }
        if (codes.Count == 0)
        {
            throw new DomainException("Le fichier CIM-10 ne contient aucun code.");
        }
        return codes;
    }

    public const int Cim10LabelMaxLength = 300;

    private static DomainException Refused(int line, string why) =>
        new($"Ligne {line} du fichier CIM-10 : {why}. Rien n'a été importé.");

    [GeneratedRegex("^[A-Z][0-9]{2}[0-9A-Z+]{0,3}$")]
    private static partial Regex CodeShape();
}
