using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>Transfer packs sent and received by the user's units; the receiving unit acknowledges receipt.</summary>
[RequirePermission(Permission.CoordinateReleases)]
public sealed class TransfersModel(AppDbContext db, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(TransferPack Pack, string Patient, string Ecrou, string From);

    public IReadOnlyList<Row> Incoming { get; private set; } = [];
    public IReadOnlyList<Row> Outgoing { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetFileAsync(Guid id, string part)
    {
        var units = User.UnitIds();
        var pack = await db.TransferPacks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == id && (units.Contains(t.UnitId) || (t.ToUnitId != null && units.Contains(t.ToUnitId.Value))));
        if (pack is null)
        {
            return NotFound();
        }
        // The cover carries nothing medical; the pack is read within its author's team, or with sharing (P30).
        if (part != "cover" && !await RecordScopes.CanReadWorkOfAsync(db, User, pack.PatientId, pack.SentById))
        {
            return Forbid();
        }
        return part == "cover"
            ? File(pack.Cover, "application/pdf", "couverture-pli-confidentiel.pdf")
            : File(pack.Pack, "application/pdf", "dossier-de-transfert.pdf");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id)
    {
        var units = User.UnitIds();
        var pack = await db.TransferPacks.FirstOrDefaultAsync(t => t.Id == id && t.ToUnitId != null && units.Contains(t.ToUnitId.Value));
        if (pack is null)
        {
            return NotFound();
        }
        pack.Acknowledge(Actor.Of(User).Name, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Message = "Réception du dossier de transfert accusée.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var units = User.UnitIds().ToList();
        var rows = await db.TransferPacks.AsNoTracking()
            .Where(t => units.Contains(t.UnitId) || (t.ToUnitId != null && units.Contains(t.ToUnitId.Value)))
            .OrderByDescending(t => t.SentAt).Take(200)
            .Join(db.Patients, t => t.PatientId, p => p.Id, (t, p) => new { t, p.LastName, p.FirstName, p.Ecrou })
            .Join(db.Units, x => x.t.UnitId, u => u.Id, (x, u) => new { x.t, x.LastName, x.FirstName, x.Ecrou, From = u.Name })
            .ToListAsync();
        var all = rows.Select(x => new Row(x.t, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, x.From)).ToList();
        Incoming = [.. all.Where(r => r.Pack.ToUnitId is { } to && units.Contains(to))];
        Outgoing = [.. all.Where(r => units.Contains(r.Pack.UnitId))];
    }
}
