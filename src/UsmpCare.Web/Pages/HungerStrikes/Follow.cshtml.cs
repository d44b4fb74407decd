using UsmpCare.Domain.Consents;
using UsmpCare.Domain;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.HungerStrikes;

/// <summary>
/// P35: one patient's hunger strike — start, information given, daily checks (somatic record), end. Refusals of an
/// examination are recorded as such, never overridden. The psychiatric team sees that a strike is under way.
/// </summary>
[RequirePermission(Permission.FollowHungerStrike)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class FollowModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public HungerStrike? Strike { get; private set; }
    public IReadOnlyList<ClinicalEntry> Checks { get; private set; } = [];
    public IReadOnlyList<HungerStrikeEvent> Events { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanReadChecks { get; private set; }

    [BindProperty] public DateOnly? StartedOn { get; set; }
    [BindProperty] public bool RefusesFluids { get; set; }
    [BindProperty] public string? Information { get; set; }
    [BindProperty] public decimal? WeightKg { get; set; }
    [BindProperty] public string? CheckNote { get; set; }
    [BindProperty] public bool ExaminationRefused { get; set; }
    [BindProperty] public HungerStrikeAct Act { get; set; }
    [BindProperty] public MeasureBasis? Basis { get; set; }
    [BindProperty] public string? Words { get; set; }
    [BindProperty] public DateOnly? EndedOn { get; set; }
    [BindProperty] public string? EndReason { get; set; }
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet() => Page();

    public Task<IActionResult> OnPostStartAsync(Guid patientId) => WriteAsync(patientId, (strike, user, now) =>
    {
        if (strike is not null)
        {
            throw new DomainException("Une grève de la faim est déjà en cours pour ce patient.");
        }
        var today = Fr.Today(Clock);
        var start = StartedOn ?? today;
        if (start > today)
        {
            throw new DomainException("La date de début ne peut pas être dans le futur.");
        }
        Db.HungerStrikes.Add(new HungerStrike(Banner.Patient.Id, Banner.Patient.UnitId, start, RefusesFluids, user.Id, user.Name, now));
        return "Grève de la faim enregistrée : le suivi quotidien commence.";
    });

    public Task<IActionResult> OnPostInformAsync(Guid patientId) => WriteAsync(patientId, (strike, _, now) =>
    {
        Required(strike).RecordInformation(Information ?? "", now);
        return "Information donnée enregistrée.";
    });

    public Task<IActionResult> OnPostCheckAsync(Guid patientId) => WriteAsync(patientId, (strike, user, now) =>
    {
        var current = Required(strike);
        if (ExaminationRefused)
        {
            current.RecordRefusal(HungerStrikeAct.Examination, string.IsNullOrWhiteSpace(CheckNote) ? "Refuse l'examen du jour." : CheckNote.Trim(),
                user.Id, user.Name, now);
        }
        else if (WeightKg is not null)
        {
            // P35: a weight is recorded only if the patient has not refused to be weighed.
            current.EnsureNotRefused(HungerStrikeAct.Weighing);
        }
        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.HungerStrikeCheck, Banner.Patient.Id, Banner.Patient.UnitId,
            user.Id, user.Name, now);
        entry.HungerStrikeId = current.Id;
        entry.Vitals = new VitalSigns { WeightKg = ExaminationRefused ? null : WeightKg };
        // P35: a refused examination is respected and recorded, never forced.
        entry.Note = ExaminationRefused
            ? "Examen refusé par le patient, refus respecté." + (string.IsNullOrWhiteSpace(CheckNote) ? "" : " " + CheckNote.Trim())
            : string.IsNullOrWhiteSpace(CheckNote) ? null : CheckNote.Trim();
        entry.Sign(user.Id, user.Name, now, signerHasTreatedPatient: false, MinorCare.Adult);
        Db.Add(entry);
        if (!Banner.Records.Any(r => r.Team == Team.Somatic))
        {
            Db.MedicalRecords.Add(new MedicalRecord(Banner.Patient.Id, Team.Somatic, now));
        }
        return "Contrôle enregistré.";
    });

    public Task<IActionResult> OnPostRefusalAsync(Guid patientId) => WriteAsync(patientId, (strike, user, now) =>
    {
        Required(strike).RecordRefusal(Act, Words ?? "", user.Id, user.Name, now);
        return "Refus enregistré : il est respecté.";
    });

    public Task<IActionResult> OnPostMeasureAsync(Guid patientId) => WriteAsync(patientId, (strike, user, now) =>
    {
        Required(strike).RecordMeasure(Act, Basis, Words ?? "", user.Id, user.Name, now);
        return "Mesure enregistrée avec son fondement.";
    });

    public Task<IActionResult> OnPostEndAsync(Guid patientId) => WriteAsync(patientId, (strike, _, _) =>
    {
        Required(strike).End(EndedOn ?? Fr.Today(Clock), EndReason ?? "");
        return "Fin de la grève de la faim enregistrée.";
    });

    private static HungerStrike Required(HungerStrike? strike) =>
        strike ?? throw new DomainException("Aucune grève de la faim n'est en cours pour ce patient.");

    private async Task<IActionResult> WriteAsync(Guid patientId,
        Func<HungerStrike?, (Guid Id, string Name), DateTimeOffset, string> action)
    {
        if (!CanWrite)
        {
            return Forbid();
        }
        var tracked = Strike is null ? null : await Db.HungerStrikes.Include(h => h.Events).SingleAsync(h => h.Id == Strike.Id);
        var actor = Actor.Of(User);
        Message = action(tracked, (actor.Id, actor.Name), Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return RedirectToPage(new { patientId });
    }

    protected override async Task OnOpenedAsync()
    {
        Strike = Banner.HungerStrike;
        // The checks are written in the somatic record (P30).
        CanWrite = Opened.CanWrite(Team.Somatic);
        CanReadChecks = Opened.CanRead(Team.Somatic);
        if (Strike is not null && CanReadChecks)
        {
            Checks = await Db.SomaticEntries.AsNoTracking()
                .Where(ClinicalEntry.Signed).Where(e => e.HungerStrikeId == Strike.Id)
                .OrderByDescending(e => e.OccurredAt).ToListAsync();
            Events = await Db.HungerStrikeEvents.AsNoTracking().Where(e => e.HungerStrikeId == Strike.Id)
                .OrderByDescending(e => e.At).ToListAsync();
        }
    }
}
