using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// Issue #20 point 7, one patient's substitution treatment (TSO): at entry the dose confirmed with the outside
/// prescriber or the CSAPA (who, when) — the round refuses the first dose before it —, the supervised doses given, and
/// at release the relay outside and the naloxone offered, which the release pack carries.
/// </summary>
[RequirePermission(Permission.ViewPatientChart)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class TsoModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock), IReloadsAfterRefusal
{
    [BindProperty] public TsoStart Start { get; set; }
    [BindProperty] public string? ConfirmedWith { get; set; }
    [BindProperty] public DateTime? ConfirmedAt { get; set; }
    [BindProperty] public RelayKind RelayKind { get; set; }
    [BindProperty] public string? RelayName { get; set; }
    [BindProperty] public string? RelayContact { get; set; }
    [BindProperty] public DateOnly? RelayAppointment { get; set; }
    [BindProperty] public NaloxoneOffer Naloxone { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<TsoConfirmation> Confirmations { get; private set; } = [];
    public IReadOnlyList<Administration> Doses { get; private set; } = [];
    public TsoRelay? Relay { get; private set; }
    public bool CanWrite { get; private set; }

    public IActionResult OnGet() => Page();

    public Task<IActionResult> OnPostConfirmAsync(Guid patientId) => WriteAsync(patientId, (actor, now) =>
    {
        var at = ConfirmedAt is { } local ? Fr.FromLocal(local) : (DateTimeOffset?)null;
        Db.TsoConfirmations.Add(TsoConfirmation.Record(Banner.Patient, Start, ConfirmedWith, at, actor.Id, actor.Name, now));
        return Task.FromResult("Dose de substitution confirmée : la première prise peut être donnée à la tournée.");
    });

    public Task<IActionResult> OnPostRelayAsync(Guid patientId) => WriteAsync(patientId, async (actor, now) =>
    {
        var last = await Db.Administrations.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Substitution && a.Outcome == AdministrationOutcome.Given)
            .OrderByDescending(a => a.RecordedAt).FirstOrDefaultAsync();
        Db.TsoRelays.Add(TsoRelay.Record(Banner.Patient, last, RelayKind, RelayName, RelayContact, RelayAppointment, Naloxone,
            Fr.Today(Clock), actor.Id, actor.Name, now));
        return "Relais de sortie enregistré : il figurera dans le dossier de sortie.";
    });

    /// <summary>Every handler shows the history and decides from it whether the user may write.</summary>
    protected override Task OnOpenedAsync() => ReloadAsync();

    public async Task ReloadAsync()
    {
        var id = Banner.Patient.Id;
        Confirmations = await Db.TsoConfirmations.AsNoTracking().Where(c => c.PatientId == id)
            .OrderByDescending(c => c.RecordedAt).ToListAsync();
        Doses = await Db.Administrations.AsNoTracking().Where(a => a.PatientId == id && a.Substitution)
            .OrderByDescending(a => a.RecordedAt).Take(30).ToListAsync();
        Relay = await Db.TsoRelays.AsNoTracking().Where(r => r.PatientId == id)
            .OrderByDescending(r => r.RecordedAt).FirstOrDefaultAsync();
        CanWrite = !Opened.ReadOnly
            && (User.Can(Permission.RecordMedicationAdministration) || User.Can(Permission.WriteConsultation));
    }

    private async Task<IActionResult> WriteAsync(Guid patientId, Func<Actor, DateTimeOffset, Task<string>> write)
    {
        if (!CanWrite)
        {
            return Forbid();
        }
        Message = await write(Actor.Of(User), Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return RedirectToPage(new { patientId });
    }
}
