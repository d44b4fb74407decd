using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Ap;

/// <summary>AP home: the roster's identity fields, projected so no other column is even read (P05).</summary>
[RequirePermission(Permission.ViewRoster)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    public sealed record RosterRow(string Ecrou, string LastName, string FirstName, string? Cell);

    public sealed record DocumentRow(DateTimeOffset At, string Patient, string Ecrou, IReadOnlyList<string> Measures,
        string Facts, string Author);

    public IReadOnlyList<RosterRow> Rows { get; private set; } = [];

    /// <summary>Documents addressed to the AP: signalements de risque (P06) — measures and facts, nothing medical.</summary>
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public sealed record IssuedRow(Guid Id, DateTimeOffset At, string Number, string Title, string Patient, string Ecrou);

    /// <summary>Attestations, certificates and fiches de préconisations addressed to the AP (never a diagnosis, P25).</summary>
    public IReadOnlyList<IssuedRow> Issued { get; private set; } = [];

    public sealed record EscortRow(DateTimeOffset At, string Destination, int Level, string Patient, string Ecrou);

    /// <summary>P32: the escorts of the coming days — never their medical reason.</summary>
    public IReadOnlyList<EscortRow> Escorts { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return;
        }
        UnitName = unit.Name;
        Rows = await db.Patients.AsNoTracking()
            .Where(Patient.Present).Where(p => p.UnitId == unit.Id)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new RosterRow(p.Ecrou, p.LastName.ToUpper(), p.FirstName, p.Cell))
            .ToListAsync();
        if (User.Can(Permission.ViewEscortNeeds))
        {
            var now = clock.GetUtcNow();
            var escorts = await db.ExternalAppointments.AsNoTracking()
                .Where(a => a.UnitId == unit.Id && a.At >= now && a.At < now.AddDays(7)
                            && a.Status != Domain.Continuity.EscortStatus.Cancelled && a.Status != Domain.Continuity.EscortStatus.Done)
                .OrderBy(a => a.At)
                .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.At, a.PlaceId, a.EscortLevel, p.LastName, p.FirstName, p.Ecrou })
                .Join(db.EscortPlaces, x => x.PlaceId, p => p.Id, (x, p) => new { x.At, p.Kind, p.Name, x.EscortLevel, x.LastName, x.FirstName, x.Ecrou })
                .ToListAsync();
            Escorts = [.. escorts.Select(e => new EscortRow(e.At, $"{Domain.Continuity.EscortPlace.Label(e.Kind)} — {e.Name}", e.EscortLevel, Patient.FullNameOf(e.LastName, e.FirstName), e.Ecrou))];
        }
        if (User.Can(Permission.ViewDocumentsForAp))
        {
            var documents = await db.RiskSignalements.AsNoTracking().Where(s => s.UnitId == unit.Id)
                .OrderByDescending(s => s.At).Take(100)
                .Join(db.Patients, s => s.PatientId, p => p.Id, (s, p) => new { s, p.LastName, p.FirstName, p.Ecrou })
                .ToListAsync();
            var issued = await db.IssuedDocuments.AsNoTracking()
                .Where(d => d.UnitId == unit.Id && d.Recipient == Domain.Disclosures.RecipientCategory.PrisonAdministration)
                .OrderByDescending(d => d.IssuedAt).Take(100)
                .Join(db.Patients, d => d.PatientId, p => p.Id, (d, p) => new { d.Id, d.IssuedAt, d.Number, d.Title, p.LastName, p.FirstName, p.Ecrou })
                .ToListAsync();
            Issued = [.. issued.Select(d => new IssuedRow(d.Id, d.IssuedAt, d.Number, d.Title,
                Patient.FullNameOf(d.LastName, d.FirstName), d.Ecrou))];
            Documents = [.. documents.Select(d => new DocumentRow(d.s.At, Patient.FullNameOf(d.LastName, d.FirstName),
                d.Ecrou, d.s.Measures, d.s.Facts, d.s.AuthorName))];
        }
    }
}
