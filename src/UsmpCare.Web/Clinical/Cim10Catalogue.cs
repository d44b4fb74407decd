using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Clinical;

/// <summary>A code of the ATIH's CIM-10 file loaded by <c>import-cim10</c> (core.cim10_codes).</summary>
public sealed class ImportedCim10Code
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>The code and the label folded (lower case, no accents), for the search.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// The CIM-10 codes a clinician may choose: the shipped list (Domain <see cref="Cim10"/>) and what the unit imported
/// from the ATIH's file, which wins for a code in both (its labels are the year's). Every coded diagnosis and problem
/// is checked here, so an imported code is accepted everywhere at once.
/// </summary>
public sealed class Cim10Catalogue(AppDbContext db)
{
    public async Task<Cim10Code?> FindAsync(string? typed)
    {
        var code = Cim10.Normalize(typed);
        if (code.Length == 0)
        {
            return null;
        }
        var imported = await db.Cim10Codes.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new Cim10Code(c.Code, c.Label)).FirstOrDefaultAsync();
        return imported ?? Cim10.Find(code);
    }

    /// <summary>The known codes among those typed, by normalized code (one query).</summary>
    public async Task<IReadOnlyDictionary<string, Cim10Code>> ResolveAsync(IEnumerable<string?> typed)
    {
        var codes = typed.Select(Cim10.Normalize).Where(c => c.Length > 0).Distinct().ToList();
        var known = codes.Select(Cim10.Find).OfType<Cim10Code>().ToDictionary(c => c.Code);
        foreach (var imported in await db.Cim10Codes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync())
        {
            known[imported.Code] = new Cim10Code(imported.Code, imported.Label);
        }
        return known;
    }

    /// <summary>By code or label, accents and case aside; every word typed must match.</summary>
    public async Task<IReadOnlyList<Cim10Code>> SearchAsync(string? query, int max = 50)
    {
        var words = Cim10.SearchWords(query);
        if (words.Length == 0)
        {
            return [];
        }
        var imported = db.Cim10Codes.AsNoTracking();
        foreach (var word in words)
        {
            var like = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            imported = imported.Where(c => EF.Functions.Like(c.SearchText, like));
        }
        var found = (await imported.OrderBy(c => c.Code).Take(max).ToListAsync())
            .Select(c => new Cim10Code(c.Code, c.Label)).ToDictionary(c => c.Code);
        foreach (var shipped in Cim10.Search(query).Where(c => !found.ContainsKey(c.Code)))
        {
            found[shipped.Code] = shipped;
        }
        return [.. found.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>
    /// Loads an ATIH file, all or nothing: a malformed line refuses the whole file (DomainException naming it) before
    /// anything is written. Idempotent: a code already there with the same label is left untouched.
    /// </summary>
    public async Task<Cim10ImportReport> ImportAsync(Stream file, DateTimeOffset now)
    {
        var codes = Cim10File.Read(file);
        var existing = await db.Cim10Codes.ToDictionaryAsync(c => c.Code);
        int added = 0, updated = 0;
        foreach (var code in codes)
        {
            if (!existing.TryGetValue(code.Code, out var row))
            {
                db.Cim10Codes.Add(new ImportedCim10Code { Code = code.Code, Label = code.Label, SearchText = code.SearchText, ImportedAt = now });
                added++;
            }
            else if (row.Label != code.Label)
            {
                row.Label = code.Label;
                row.SearchText = code.SearchText;
                row.ImportedAt = now;
                updated++;
            }
        }
        await db.SaveChangesAsync();
        return new Cim10ImportReport(codes.Count, added, updated);
    }
}

public sealed record Cim10ImportReport(int Read, int Added, int Updated)
{
    public override string ToString() =>
        $"CIM-10 importée : {Read} code(s) lu(s), {Added} ajouté(s), {Updated} libellé(s) mis à jour, {Read - Added - Updated} inchangé(s).";
}
