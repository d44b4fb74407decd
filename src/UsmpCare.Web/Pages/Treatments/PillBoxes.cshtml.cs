using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// Issue #20 point 6: this week's pill-boxes of the unit — prepared by one nurse, checked by another (the same nurse is
/// refused by <see cref="PillBox.Check"/>).
/// </summary>
[Auditing.Audited]
[RequirePermission(Permission.RecordMedicationAdministration)]
public sealed class PillBoxesModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(Patient Patient, IReadOnlyList<ActiveLine> Lines, PillBox? Box);

    [TempData] public string? Message { get; set; }
    public DateOnly Week { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => await ReloadAsync();

    public async Task<IActionResult> OnPostPrepareAsync(Guid patientId)
    {
        await ReloadAsync();
        var unit = await currentUnit.GetAsync() ?? throw new DomainException("Choisissez d'abord votre unité.");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId)
            ?? throw new DomainException("Patient inconnu : rien n'a été enregistré.");
        var prescriptions = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Status == PrescriptionStatus.Signed).ToListAsync();
        var week = Week;
        var already = await db.PillBoxes.AnyAsync(b => b.PatientId == patientId && b.WeekOf == week);
        var actor = Actor.Of(User);
        db.PillBoxes.Add(PillBox.Prepare(patient, unit.Id, ActiveTreatment.Of(prescriptions, Fr.Today(clock)), week, already,
            actor.Id, actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        Message = $"Pilulier de {patient.FullName} préparé : à faire contrôler par un autre infirmier.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid pillBoxId)
    {
        var unitIds = User.UnitIds().ToList();
        var box = await db.PillBoxes.FirstOrDefaultAsync(b => b.Id == pillBoxId && unitIds.Contains(b.UnitId))
            ?? throw new DomainException("Pilulier inconnu dans votre unité : rien n'a été enregistré.");
        var actor = Actor.Of(User);
        box.Check(actor.Id, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Message = "Double contrôle du pilulier enregistré.";
        return RedirectToPage();
    }

    public async Task ReloadAsync()
    {
        var today = Fr.Today(clock);
        Week = PillBox.MondayOf(today);
        if (await currentUnit.IdAsync() is not { } unitId)
        {
            return;
        }
        var week = Week;
        var prescriptions = await db.Prescriptions.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.Status == PrescriptionStatus.Signed
                && db.Patients.Any(x => x.Id == p.PatientId && x.Status == PatientStatus.Present))
            .ToListAsync();
        var boxes = await db.PillBoxes.AsNoTracking().Where(b => b.UnitId == unitId && b.WeekOf == week)
            .ToDictionaryAsync(b => b.PatientId);
        var lines = prescriptions.GroupBy(p => p.PatientId)
            .Select(g => (g.Key, Lines: ActiveTreatment.Of([.. g], today).Where(a => a.Line.Mode == DistributionMode.WeeklyPillBox).ToList()))
            .Where(x => x.Lines.Count > 0).ToDictionary(x => x.Key, x => x.Lines);
        var ids = lines.Keys.ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
        Rows = [.. patients.OrderBy(p => p.Wing).ThenBy(p => p.Cell)
            .Select(p => new Row(p, lines[p.Id], boxes.GetValueOrDefault(p.Id)))];
    }
}
