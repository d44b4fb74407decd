using UsmpCare.Domain.Patients;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.Spip;

/// <summary>SPIP home (P03): the messages physicians explicitly shared with SPIP for the patients of its units.</summary>
[RequirePermission(Permission.ViewSharedWithSpip)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit) : PageModel
{
    public sealed record Row(DateTimeOffset At, string Patient, string Ecrou, string Message, string Author);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        UnitName = unit?.Name ?? "";
        var unitId = unit?.Id;
        var shares = await db.SpipShares.AsNoTracking().Where(s => s.UnitId == unitId)
            .OrderByDescending(s => s.At).Take(200)
            .Join(db.Patients, s => s.PatientId, p => p.Id, (s, p) => new { s, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        // P03 (product.md): SPIP reads shared items only while the patient does not object; the ledger keeps them.
        var patientIds = shares.Select(x => x.s.PatientId).Distinct().ToList();
        var objecting = await RecordScopes.LatestWordAmongAsync(db, Domain.Consents.ConsentTopic.SpipObjection,
            Domain.Consents.ConsentDecision.Objected, patientIds);
        shares = [.. shares.Where(x => !objecting.Contains(x.s.PatientId))];
        Rows = [.. shares.Select(x => new Row(x.s.At, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou,
            x.s.Message, x.s.AuthorName))];
    }
}
