using UsmpCare.Domain;
using UsmpCare.Domain.Followup;
using UsmpCare.Web.Followup;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// The patient's tests (issue #21, point 5): ordered by a physician, the result entered by a nurse or a physician (a
/// value always with its unit), then acknowledged by a physician — who, when — since the one who reads a result
/// answers for what follows (art. R.4127-33 CSP). The order, its result and its acknowledgement are appended, never changed.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class ResultsModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : FollowupPageModel(db, access, clock)
{
    private static readonly Permission[] Ordering = [Permission.WriteConsultation];
    private static readonly Permission[] Entering = [Permission.WriteConsultation, Permission.WriteNursingNote];

    [BindProperty] public Exam Exam { get; set; }
    [BindProperty] public string? OtherLabel { get; set; }
    [BindProperty] public Guid OrderId { get; set; }
    [BindProperty] public decimal? Value { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? ReferenceRange { get; set; }
    [BindProperty] public QualitativeResult? Qualitative { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? ResultOn { get; set; }

    public IReadOnlyList<TestOrder> Orders { get; private set; } = [];
    public bool CanOrder => WritingTeam is not null && User.Can(Permission.WriteConsultation);
    public bool CanEnter => WritingTeam is not null && Entering.Any(User.Can);
    public bool IsPhysician => User.Roles().Any(r => r.IsPhysician());

    protected override async Task LoadAsync() =>
        Orders = await FollowupLists.Readable(Db.TestOrders, Opened).Include(o => o.Result).ThenInclude(r => r!.Acknowledgement)
            .OrderBy(o => o.Result != null).ThenByDescending(o => o.OrderedAt).ToListAsync();

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostOrderAsync(Guid patientId) => WriteAsync(patientId, Ordering, (team, by) =>
    {
        var order = new TestOrder(patientId, Banner.Patient.UnitId, team, Exam, OtherLabel, Today, by.Id, by.Name, Clock.GetUtcNow());
        Db.TestOrders.Add(order);
        return Task.FromResult($"Examen prescrit : {order.Name}.");
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostResultAsync(Guid patientId) => WriteAsync(patientId, Entering, async (team, by) =>
    {
        var order = await OwnAsync(patientId, team);
        var result = order.EnterResult(new ResultValues(Value, Unit, ReferenceRange, Qualitative, Text), ResultOn ?? Today, Today,
            by.Id, by.Name, Clock.GetUtcNow());
        Db.Add(result);
        return $"Résultat de « {order.Name} » enregistré : il attend d'être vu par un médecin.";
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostAcknowledgeAsync(Guid patientId) => WriteAsync(patientId, Entering, async (team, by) =>
    {
        var order = await OwnAsync(patientId, team);
        var result = order.Result ?? throw new DomainException("Cet examen n'a pas encore de résultat.");
        result.Acknowledge(IsPhysician, by.Id, by.Name, Clock.GetUtcNow());
        Db.Add(result.Acknowledgement!);
        return $"Résultat de « {order.Name} » vu par {by.Name}.";
    });

    /// <summary>P30: an order is completed within the record of the team that ordered it.</summary>
    private async Task<TestOrder> OwnAsync(Guid patientId, Team team) =>
        await Db.TestOrders.Include(o => o.Result).ThenInclude(r => r!.Acknowledgement)
            .FirstOrDefaultAsync(o => o.Id == OrderId && o.PatientId == patientId && o.Team == team)
        ?? throw new DomainException("Cet examen n'est pas dans le dossier de votre équipe.");
}
