using UsmpCare.Domain;
using UsmpCare.Domain.Followup;
using UsmpCare.Web.Followup;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// The patient's vaccination record (issue #21, point 6): each dose given — vaccine, dose, lot, date, who — appended,
/// never changed; and the dTP and hepatitis B catch-up due from the doses recorded (<see cref="VaccinationSchedule"/>),
/// each due dose one click from its recall. Nurses and physicians vaccinate.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class VaccinationsModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : FollowupPageModel(db, access, clock)
{
    private static readonly Permission[] Vaccinating = [Permission.WriteConsultation, Permission.WriteNursingNote];

    [BindProperty] public Vaccine Vaccine { get; set; }
    [BindProperty] public int DoseNumber { get; set; } = 1;
    [BindProperty] public string? Lot { get; set; }
    [BindProperty] public DateOnly? GivenOn { get; set; }
    [BindProperty] public InjectionSite Site { get; set; }

    public IReadOnlyList<Vaccination> Doses { get; private set; } = [];
    public IReadOnlyList<CatchUpDose> CatchUp { get; private set; } = [];

    /// <summary>The vaccines whose next dose already has an open recall: no second one is offered.</summary>
    public IReadOnlySet<Vaccine> Recalled { get; private set; } = new HashSet<Vaccine>();

    public bool CanVaccinate => WritingTeam is not null && Vaccinating.Any(User.Can);

    protected override async Task LoadAsync()
    {
        Doses = await FollowupLists.Readable(Db.Vaccinations, Opened).OrderByDescending(v => v.GivenOn).ToListAsync();
        CatchUp = VaccinationSchedule.CatchUp(Doses, Banner.Patient.BirthDate, Today);
        Recalled = (await FollowupLists.Readable(Db.Recalls, Opened).Where(Recall.Open).Where(r => r.Vaccine != null)
            .Select(r => r.Vaccine!.Value).ToListAsync()).ToHashSet();
    }

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostGiveAsync(Guid patientId) => WriteAsync(patientId, Vaccinating, (team, by) =>
    {
        var dose = new Vaccination(patientId, Banner.Patient.UnitId, team, Vaccine, DoseNumber, Lot, GivenOn ?? Today, Site,
            Banner.Patient.BirthDate, by.Id, by.Name, Clock.GetUtcNow(), Today);
        Db.Vaccinations.Add(dose);
        return Task.FromResult($"{Vaccination.Label(Vaccine)}, dose {DoseNumber} enregistrée (lot {dose.Lot}).");
    });

    /// <summary>The recall of the next dose the catch-up calls for, so the agenda books it.</summary>
    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostRecallAsync(Guid patientId) => WriteAsync(patientId, Vaccinating, async (team, by) =>
    {
        await LoadAsync();
        var dose = CatchUp.FirstOrDefault(d => d.Vaccine == Vaccine || (Vaccine == Vaccine.DtpPertussis && d.Vaccine == Vaccine.Dtp))
            ?? throw new DomainException($"Aucune dose de rattrapage n'est due pour ce vaccin ({Vaccination.Label(Vaccine)}).");
        if (Recalled.Contains(dose.Vaccine))
        {
            throw new DomainException("Un rappel est déjà ouvert pour ce vaccin.");
        }
        Db.Recalls.Add(Recall.ForDose(patientId, Banner.Patient.UnitId, team, dose, by.Id, by.Name, Clock.GetUtcNow()));
        return $"Rappel créé : {Vaccination.Label(dose.Vaccine)}, dose {dose.DoseNumber}, le {Fr.Date(dose.DueOn)}.";
    });
}
