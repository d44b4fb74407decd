using UsmpCare.Domain;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Escorts;

/// <summary>
/// P32: consultations and examinations outside the prison and their escorts — requested, confirmed, cancelled (by whom,
/// how late), postponed, done — and the figures the health–justice dialogue needs, per month.
/// </summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ManageEscorts)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(ExternalAppointment Appointment, string Patient, string Ecrou, string Place);

    public sealed record MonthFigures(string Month, int Total, int Cancelled, int CancelledWithin24h, double? MedianDaysToDone)
    {
        public double CancellationRate => Total == 0 ? 0 : (double)Cancelled / Total;
    }

    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public Guid? PlaceId { get; set; }
    [BindProperty] public int EscortLevel { get; set; } = 2;
    [BindProperty] public string? MedicalReason { get; set; }
    [BindProperty] public Guid AppointmentId { get; set; }
    [BindProperty] public AppointmentKind Kind { get; set; } = AppointmentKind.Consultation;
    [BindProperty] public CancellationCause? Cause { get; set; }
    [BindProperty] public int? EscortDelayMinutes { get; set; }
    [BindProperty] public DateTime? NewDate { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<MonthFigures> Figures { get; private set; } = [];

    /// <summary>P05, P32: the unit's places an escort may go to; the destination is chosen, never typed.</summary>
    public IReadOnlyList<EscortPlace> Places { get; private set; } = [];

    /// <summary>P30: the medical reason is read by the team of the clinician who asked for the appointment.</summary>
    public IReadOnlySet<Guid> ReadableReasons { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var ecrou = Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unitId && p.Ecrou == ecrou);
        // The posted id is checked against the unit's list: another unit's place, or none, is refused by the constructor.
        var place = await db.EscortPlaces.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PlaceId && p.UnitId == unitId);
        return await SaveAsync(() =>
        {
            if (patient is null)
            {
                throw new DomainException($"Aucun patient de l'unité n'a l'écrou « {ecrou} ».");
            }
            if (At is null)
            {
                throw new DomainException("Indiquez la date et l'heure du rendez-vous.");
            }
            var actor = Actor.Of(User);
            db.ExternalAppointments.Add(new ExternalAppointment(patient.Id, patient.UnitId, Fr.FromLocal(At.Value),
                place, EscortLevel, MedicalReason ?? "", actor.Id, actor.Name, clock.GetUtcNow(), Kind));
            return Task.FromResult("Consultation extérieure demandée.");
        });
    }

    public Task<IActionResult> OnPostConfirmAsync() => ChangeAsync(a => { a.Confirm(); return "Escorte confirmée."; });

    public Task<IActionResult> OnPostCancelAsync() => ChangeAsync(a =>
    {
        a.Cancel(Cause ?? throw new DomainException("Indiquez la cause de l'annulation."), clock.GetUtcNow());
        return "Annulation enregistrée.";
    });

    public Task<IActionResult> OnPostPostponeAsync() => ChangeAsync(a =>
    {
        a.Postpone(Fr.FromLocal(NewDate ?? throw new DomainException("Indiquez la nouvelle date.")), clock.GetUtcNow());
        return "Report enregistré.";
    });

    public Task<IActionResult> OnPostDoneAsync() => ChangeAsync(a =>
    {
        a.MarkDone(clock.GetUtcNow(), EscortDelayMinutes);
        return "Consultation faite.";
    });

    private async Task<IActionResult> ChangeAsync(Func<ExternalAppointment, string> change)
    {
        var unitId = await currentUnit.IdAsync();
        var appointment = await db.ExternalAppointments.FirstOrDefaultAsync(a => a.Id == AppointmentId && a.UnitId == unitId);
        if (appointment is null)
        {
            return NotFound();
        }
        return await SaveAsync(() => Task.FromResult(change(appointment)));
    }

    private async Task<IActionResult> SaveAsync(Func<Task<string>> action)
    {
        Message = await action();
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var since = clock.GetUtcNow().AddMonths(-12);
        var all = await db.ExternalAppointments.AsNoTracking().Where(a => a.UnitId == unitId && a.RequestedAt >= since)
            .OrderByDescending(a => a.At)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        var places = await db.EscortPlaces.AsNoTracking().Where(p => p.UnitId == unitId).OrderBy(p => p.Name).ToListAsync();
        Places = [.. places.Where(p => p.IsActive)];
        var shown = places.ToDictionary(p => p.Id, p => p.Shown);
        Rows = [.. all.Select(x => new Row(x.a, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, shown.GetValueOrDefault(x.a.PlaceId, "")))];
        var requesters = all.Select(x => x.a.RequestedById).Distinct().ToList();
        var teams = await db.Users.AsNoTracking().Where(u => requesters.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Team);
        var myTeam = User.TeamOf();
        ReadableReasons = all.Where(x => myTeam is not null && User.Can(Permission.ViewPatientChart)
                                         && (teams.GetValueOrDefault(x.a.RequestedById) is null || teams[x.a.RequestedById] == myTeam))
            .Select(x => x.a.Id).ToHashSet();
        Figures = Compute(all.Select(x => x.a));
    }

    /// <summary>Per month of the appointment: cancellation rate, cancellations less than 24 h ahead, median delay from request to done.</summary>
    public static IReadOnlyList<MonthFigures> Compute(IEnumerable<ExternalAppointment> appointments) =>
        [.. appointments.GroupBy(a => Fr.Local(a.At).ToString("yyyy-MM"))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var median = Statistics.Median(g.Where(a => a.DoneAt is not null).Select(a => (a.DoneAt!.Value - a.RequestedAt).TotalDays));
                return new MonthFigures(g.Key, g.Count(), g.Count(a => a.Status == EscortStatus.Cancelled),
                    g.Count(a => a.Status == EscortStatus.Cancelled && a.CancellationNotice < TimeSpan.FromHours(24)), median);
            })];
}
