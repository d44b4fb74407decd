using System.Collections.Frozen;
using System.Text.Json;
using UsmpCare.Documents;
using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Documents;

/// <summary>
/// P09: the « Livret d'information du patient ». Each language is a data file (Documents/InformationSheets/xx.json,
/// embedded), so adding one is a translation, not code; the unit's name, hours, phone and address fill it in.
/// </summary>
public static class InformationSheetBuilder
{
    private sealed record Section(string Heading, IReadOnlyList<string> Paragraphs);

    private sealed record Texts(string Name, string Title, string Handed, IReadOnlyList<Section> Sections);

    private const string Prefix = "UsmpCare.Web.Documents.InformationSheets.";

    private static readonly FrozenDictionary<string, Texts> Shipped = Load();

    /// <summary>The languages a sheet is written in, by code, with the name shown in the form.</summary>
    public static IReadOnlyDictionary<string, string> Languages { get; } =
        Shipped.OrderBy(l => l.Key == Domain.Consents.InformationSheet.French ? "" : l.Key).ToDictionary(l => l.Key, l => l.Value.Name);

    /// <summary>The sheet for this patient, in a language that is shipped (the unit's choice is checked by the domain).</summary>
    /// <exception cref="DomainException">No translation in this language.</exception>
    public static Letter Build(Patient patient, Unit unit, string? language, DateOnly today)
    {
        var texts = Shipped.GetValueOrDefault(language ?? "")
            ?? throw new DomainException("Le livret d'information n'est pas traduit dans cette langue : choisissez une des langues proposées.");
        string Fill(string text) => text.Replace("{unit}", unit.Name).Replace("{hospital}", unit.ReferenceHospital)
            .Replace("{hours}", unit.Hours.Length > 0 ? unit.Hours : "—").Replace("{phone}", unit.Phone)
            .Replace("{address}", unit.Address).Replace("{date}", Fr.Date(today));
        return new Letter(
            new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, unit.Phone),
            texts.Title,
            [patient.FullName],
            Fill(texts.Handed),
            null,
            [.. texts.Sections.SelectMany(s => (IEnumerable<LetterBlock>)
                [LetterBlock.Heading(s.Heading), .. s.Paragraphs.Select(p => LetterBlock.Paragraph(Fill(p)))])],
            [unit.Name],
            Confidentiality: null);
    }

    private static FrozenDictionary<string, Texts> Load()
    {
        var assembly = typeof(InformationSheetBuilder).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..^".json".Length], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<Texts>(stream, options)!;
            });
    }
}
