using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Treatments;

public sealed record DrugImportReport(int Created, int Updated, int Unchanged, int IgnoredLines)
{
    public string Describe() =>
        $"Référentiel des médicaments importé : {Created} créé(s), {Updated} mis à jour, {Unchanged} inchangé(s)"
        + (IgnoredLines > 0 ? $" ; {IgnoredLines} ligne(s) de composition ou de présentation d'un médicament absent de {BdpmFiles.SpecialitiesName} ignorée(s)." : ".");
}

/// <summary>The drug referential (issue #20): the BDPM import and the search the prescription form uses.</summary>
public static class DrugReferential
{
    /// <summary>
    /// Upsert by CIS code, in one SaveChanges (one transaction): the files are read and checked whole first, so a
    /// malformed file changes nothing. A product missing from a later file is kept: prescriptions name it.
    /// </summary>
    public static async Task<DrugImportReport> ImportAsync(AppDbContext db, BdpmFiles files, CancellationToken cancel = default)
    {
        var (drugs, ignored) = files.Read();
        var existing = await db.Drugs.ToDictionaryAsync(d => d.Cis, cancel);
        int created = 0, updated = 0;
        foreach (var read in drugs)
        {
            if (!existing.TryGetValue(read.Cis, out var drug))
            {
                drug = new Drug(read.Cis);
                db.Drugs.Add(drug);
                created++;
            }
            var changed = drug.Update(read.Name, read.Form, read.Routes, read.AuthorizationStatus, read.MarketingStatus,
                read.Substances, read.Presentations, read.SearchText);
            if (changed && existing.ContainsKey(read.Cis))
            {
                updated++;
            }
        }
        await db.SaveChangesAsync(cancel);
        return new DrugImportReport(created, updated, drugs.Count - created - updated, ignored);
    }

    /// <summary>
    /// By name or substance, tolerant of accents, case and a wrong letter: the term is normalised like the stored
    /// search text, then matched by substring or trigram word similarity (pg_trgm), as the patient search does.
    /// </summary>
    public static IQueryable<Drug> Search(this IQueryable<Drug> drugs, string? term)
    {
        var normalized = PatientSearch.Normalize(term);
        if (normalized.Length < 2)
        {
            return drugs.Where(_ => false);
        }
        var like = "%" + normalized.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return drugs
            .Where(d => EF.Functions.Like(d.SearchText, like) || EF.Functions.TrigramsAreWordSimilar(normalized, d.SearchText))
            .OrderByDescending(d => EF.Functions.Like(d.SearchText, like))
            .ThenBy(d => EF.Functions.TrigramsWordSimilarityDistance(normalized, d.SearchText))
            .ThenBy(d => d.Name);
    }

    /// <summary>
    /// The referential's substance of that name (accents and case ignored): the one named exactly, else the only one
    /// whose name holds all its words (« méthadone » is « CHLORHYDRATE DE MÉTHADONE »); null when none or ambiguous.
    /// What an allergy to a drug is coded with (issue #20).
    /// </summary>
    public static async Task<DrugSubstance?> FindSubstanceAsync(this IQueryable<Drug> drugs, string? name)
    {
        var wanted = AllergyRecord.Normalize(name ?? "");
        if (wanted.Length < 2)
        {
            return null;
        }
        var candidates = (await drugs.AsNoTracking().Search(name).Take(200).ToListAsync())
            .SelectMany(d => d.Substances).DistinctBy(s => s.Code).ToList();
        if (candidates.FirstOrDefault(s => AllergyRecord.Normalize(s.Name) == wanted) is { } exact)
        {
            return exact;
        }
        var words = wanted.Split(' ');
        var containing = candidates.Where(s => words.All(AllergyRecord.Normalize(s.Name).Split(' ').Contains)).ToList();
        return containing.Count == 1 ? containing[0] : null;
    }
}
