using System.Globalization;
using System.Text;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Patients;

/// <summary>
/// Patient search by écrou or name, tolerant of accents, case and small typos: the term is unaccented like the
/// stored search_text (PostgreSQL unaccent), then matched by substring or trigram word similarity (pg_trgm).
/// A term of digits only is the start of an écrou number (how the nurses and the greffe read it out): it is looked
/// up as a prefix in a btree index, which stays fast however many patients the unit has had, where a trigram query
/// on four digits matches thousands of rows (issue #9, docs/performance.md).
/// </summary>
public static class PatientSearch
{
    /// <summary>The collation of the écrou prefix index (Baseline; first added by the PageIndexes migration, now squashed): byte order, so a prefix is a range.</summary>
    public const string EcrouCollation = "C";

    public static IQueryable<Patient> Search(this IQueryable<Patient> patients, string? term)
    {
        var normalized = Normalize(term);
        if (normalized.Length == 0)
        {
            return patients.OrderBy(p => p.LastName).ThenBy(p => p.FirstName);
        }
        if (IsEcrouPrefix(normalized))
        {
            // [from, to) in byte order holds exactly the écrous that start with the digits: "1064" → ["1064", "1065").
            var from = normalized;
            var to = normalized[..^1] + (char)(normalized[^1] + 1);
            return patients
                .Where(p => EF.Functions.Collate(p.Ecrou, EcrouCollation).CompareTo(from) >= 0
                            && EF.Functions.Collate(p.Ecrou, EcrouCollation).CompareTo(to) < 0)
                .OrderBy(p => EF.Functions.Collate(p.Ecrou, EcrouCollation));
        }
        var like = "%" + normalized.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var ecrouPrefix = normalized.ToUpperInvariant();
        return patients
            .Where(p => EF.Functions.Like(p.SearchText, like) || EF.Functions.TrigramsAreWordSimilar(normalized, p.SearchText))
            .OrderByDescending(p => p.Ecrou.StartsWith(ecrouPrefix))
            .ThenBy(p => EF.Functions.TrigramsWordSimilarityDistance(normalized, p.SearchText))
            .ThenBy(p => p.LastName);
    }

    /// <summary>Digits only, at most an écrou's length: the start of an écrou number.</summary>
    public static bool IsEcrouPrefix(string normalized) =>
        normalized.Length is > 0 and <= 20 && normalized.All(char.IsAsciiDigit);

    /// <summary>Lower case, no diacritics, single spaces: the same shape as the stored search text.</summary>
    public static string Normalize(string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return "";
        }
        var decomposed = term.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'œ' => "oe", 'æ' => "ae", _ => c.ToString() });
            }
        }
        return string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
