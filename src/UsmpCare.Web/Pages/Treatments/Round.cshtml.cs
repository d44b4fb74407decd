using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// Issue #20 point 6, the nurses' distribution round: per wing and time of day, each present patient's doses from his
/// active signed prescriptions; keyboard only — the first dose not yet recorded has the focus, a letter picks the
/// outcome (D donné, R refusé, P parloir…), Enter records it and the focus moves to the next. The nurse sees the
/// drug, dose, time and mode only: no note, no diagnosis, no reason (P30, the walls of point 8).
/// </summary>
[Auditing.Audited]
[RequirePermission(Permission.RecordMedicationAdministration)]
public sealed class RoundModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record DoseRow(Patient Patient, DueDose Dose, Administration? Recorded);

    [BindProperty(SupportsGet = true)] public string? Wing { get; set; }
    [BindProperty(SupportsGet = true)] public RoundSlot? Slot { get; set; }
    [BindProperty] public Guid PatientId { get; set; }
    [BindProperty] public Guid PrescriptionId { get; set; }
    [BindProperty] public int Line { get; set; }
    [BindProperty] public AdministrationOutcome Outcome { get; set; }
    [TempData] public string? Message { get; set; }

    public Domain.Units.Unit? Unit { get; private set; }
    public DateOnly Day { get; private set; }
    public RoundSlot Shown { get; private set; }
    public IReadOnlyList<(string Wing, int Patients)> Wings { get; private set; } = [];
    public IReadOnlyList<DoseRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => await ReloadAsync();

    public async Task<IActionResult> OnPostRecordAsync()
    {
        await ReloadAsync();
        if (!ModelState.IsValid || Unit is null)
        {
            return Page();
        }
        // The patient is read whatever his unit: Administration.Record refuses another unit's patient in French.
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PatientId)
            ?? throw new DomainException("Patient inconnu : rien n'a été enregistré.");
        var prescriptions = await SignedPrescriptionsOf([patient.Id]);
        var due = DistributionRound.Due(prescriptions, Day, Shown);
        var already = await db.Administrations.AnyAsync(a => a.PrescriptionId == PrescriptionId && a.LineIndex == Line
            && a.Day == Day && a.Slot == Shown);
        var tso = await db.TsoConfirmations.AsNoTracking().Where(c => c.PatientId == patient.Id)
            .OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync();
        var actor = Actor.Of(User);
        var given = Administration.Record(patient, Unit.Id, due, PrescriptionId, Line, Day, Shown, Outcome, already, tso,
            actor.Id, actor.Name, clock.GetUtcNow());
        db.Administrations.Add(given);
        await db.SaveChangesAsync();
        Message = $"{patient.FullName} : {given.DrugName} — {DistributionRound.Label(Outcome).ToLowerInvariant()}.";
        return RedirectToPage(new { wing = Wing, slot = Shown });
    }

    public async Task ReloadAsync()
    {
        Unit = await currentUnit.GetAsync();
        Day = Fr.Today(clock);
        Shown = Slot ?? SlotAt(Fr.Local(clock.GetUtcNow()).Hour);
        if (Unit is null)
        {
            return;
        }
        var unitId = Unit.Id;
        Wings = [.. (await db.Patients.AsNoTracking().Where(Patient.Present).Where(p => p.UnitId == unitId && p.Wing != null)
            .GroupBy(p => p.Wing!).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync())
            .Select(g => (g.Key, g.Count))];
        if (Wing is null)
        {
            return;
        }
        if (Wings.All(w => w.Wing != Wing))
        {
            // Issue #20: a round for a wing of another unit (or a misspelt one) lists nothing and records nothing.
            ModelState.AddModelError(nameof(Wing), $"« {Wing} » n'est pas un bâtiment de l'unité {Unit.Name} : choisissez un bâtiment dans la liste.");
            Wing = null;
            return;
        }
        var patients = await db.Patients.AsNoTracking().Where(Patient.Present)
            .Where(p => p.UnitId == unitId && p.Wing == Wing).ToListAsync();
        var prescriptions = await SignedPrescriptionsOf([.. patients.Select(p => p.Id)]);
        var byPatient = prescriptions.ToLookup(p => p.PatientId);
        var day = Day;
        var slot = Shown;
        var due = patients.OrderBy(p => p.Cell).ThenBy(p => p.LastName)
            .SelectMany(p => DistributionRound.Due([.. byPatient[p.Id]], day, slot).Select(d => (Patient: p, Dose: d))).ToList();
        // Issue #22 (flat costs): the slot's records of the prescriptions due, one range of the unique (prescription,
        // line, day, slot) index each — not every dose the wing's patients were ever given, which grows with their stays.
        var dueIds = due.Select(x => x.Dose.Prescription.Id).Distinct().ToList();
        var recorded = (await db.Administrations.AsNoTracking()
            .Where(a => dueIds.Contains(a.PrescriptionId) && a.Day == day && a.Slot == slot).ToListAsync())
            .ToDictionary(a => (a.PrescriptionId, a.LineIndex));
        Rows = [.. due.Select(x => new DoseRow(x.Patient, x.Dose, recorded.GetValueOrDefault((x.Dose.Prescription.Id, x.Dose.LineIndex))))];
    }

    private async Task<List<Prescription>> SignedPrescriptionsOf(IReadOnlyCollection<Guid> patientIds) =>
        await db.Prescriptions.AsNoTracking()
            .Where(p => patientIds.Contains(p.PatientId) && p.Status == PrescriptionStatus.Signed).ToListAsync();

    /// <summary>The round under way at this hour of the day (Paris time).</summary>
    public static RoundSlot SlotAt(int hour) => hour switch
    {
        < 11 => RoundSlot.Morning,
        < 16 => RoundSlot.Noon,
        < 20 => RoundSlot.Evening,
        _ => RoundSlot.Bedtime,
    };
}
