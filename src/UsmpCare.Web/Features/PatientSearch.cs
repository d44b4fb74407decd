using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Features;

/// <summary>
/// Patient search by écrou or name, tolerant of accents, case and small typos: the term is unaccented like the
/// stored search_text (PostgreSQL unaccent), then matched by substring or trigram word similarity (pg_trgm).
/// </summary>
public static class PatientSearch
{
    public static IQueryable<Patient> Search(this IQueryable<Patient> patients, string? term)
    {
        var normalized = Normalize(term);
        if (normalized.Length == 0)
        {
            return patients.OrderBy(p => p.LastName).ThenBy(p => p.FirstName);
        }
        var like = "%" + normalized.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var ecrouPrefix = normalized.ToUpperInvariant();
        return patients
            .Where(p => EF.Functions.Like(p.SearchText, like) || EF.Functions.TrigramsAreWordSimilar(normalized, p.SearchText))
            .OrderByDescending(p => p.Ecrou.StartsWith(ecrouPrefix))
            .ThenBy(p => EF.Functions.TrigramsWordSimilarityDistance(normalized, p.SearchText))
            .ThenBy(p => p.LastName);
    }

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
