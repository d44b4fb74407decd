using System.Linq.Expressions;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Followup;

/// <summary>The tests a unit orders (the entry visit's screenings among them).</summary>
public enum Exam
{
    ChestXray,
    HivSerology,
    HepatitisBSerology,
    HepatitisCSerology,
    BloodPanel,
    Ecg,
    Other,
}

public enum QualitativeResult
{
    Negative,
    Positive,
    Indeterminate,
}

/// <summary>
/// A test ordered for a patient (issue #21, point 5): pending until its result is entered, and the result stays
/// « à prendre en connaissance » until a physician acknowledges it. The order, its result and the acknowledgement are
/// three appended rows: nothing is changed or deleted once written.
/// </summary>
public sealed class TestOrder : IFollowupItem
{
    /// <summary>Days after which a test still without result shows in the unit's overdue list, unless the page asks for another.</summary>
    public const int OverdueAfterDays = 14;

    private TestOrder()
    {
        OrderedByName = "";
    }

    public TestOrder(Guid patientId, Guid unitId, Team team, Exam exam, string? otherLabel, DateOnly orderedOn, Guid by,
        string byName, DateTimeOffset at)
    {
        if (!Enum.IsDefined(exam))
        {
            throw new DomainException("Choisissez l'examen dans la liste.");
        }
        if (exam == Exam.Other && string.IsNullOrWhiteSpace(otherLabel))
        {
            throw new DomainException("Précisez quel examen est prescrit.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Team = team;
        Exam = exam;
        OtherLabel = exam == Exam.Other ? otherLabel!.Trim() : null;
        OrderedOn = orderedOn;
        OrderedById = by;
        OrderedByName = byName;
        OrderedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public Team Team { get; private set; }
    public Exam Exam { get; private set; }
    public string? OtherLabel { get; private set; }

    /// <summary>The Paris date of the order: a result may not be dated before it.</summary>
    public DateOnly OrderedOn { get; private set; }

    public Guid OrderedById { get; private set; }
    public string OrderedByName { get; private set; }
    public DateTimeOffset OrderedAt { get; private set; }
    public TestResult? Result { get; private set; }

    public string Name => Exam == Exam.Other ? OtherLabel ?? "Autre examen" : Label(Exam);

    /// <summary>A serology is read positive, negative or indeterminate, not as a number.</summary>
    public bool IsSerology => Exam is Exam.HivSerology or Exam.HepatitisBSerology or Exam.HepatitisCSerology;

    public static readonly Expression<Func<TestOrder, bool>> Pending = o => o.Result == null;

    /// <summary>Ordered more than <paramref name="days"/> days before today and still without result.</summary>
    public static Expression<Func<TestOrder, bool>> OverdueOn(DateOnly today, int days)
    {
        var limit = today.AddDays(-days);
        return o => o.Result == null && o.OrderedOn < limit;
    }

    public TestResult EnterResult(ResultValues values, DateOnly resultOn, DateOnly today, Guid by, string byName, DateTimeOffset at)
    {
        if (Result is not null)
        {
            throw new DomainException("Le résultat de cet examen est déjà enregistré.");
        }
        if (resultOn < OrderedOn)
        {
            throw new DomainException($"Le résultat est daté avant la prescription de l'examen (le {OrderedOn:dd/MM/yyyy}).");
        }
        if (resultOn > today)
        {
            throw new DomainException("La date du résultat ne peut pas être dans le futur.");
        }
        if (values.Qualitative is { } q && !Enum.IsDefined(q))
        {
            throw new DomainException("Choisissez positif, négatif ou indéterminé.");
        }
        if (IsSerology && values.Qualitative is null)
        {
            throw new DomainException("Une sérologie se rend positive, négative ou indéterminée : choisissez.");
        }
        if (values.Value is not null && string.IsNullOrWhiteSpace(values.Unit))
        {
            throw new DomainException("Un résultat chiffré doit avoir son unité (g/L, mmol/L, UI/L…).");
        }
        if (values.Value is null && values.Qualitative is null && string.IsNullOrWhiteSpace(values.Text))
        {
            throw new DomainException("Saisissez le résultat : une valeur avec son unité, ou le compte rendu.");
        }
        Result = new TestResult(Id, values, resultOn, by, byName, at);
        return Result;
    }

    public static string Label(Exam exam) => exam switch
    {
        Exam.ChestXray => "Radiographie thoracique",
        Exam.HivSerology => "Sérologie VIH",
        Exam.HepatitisBSerology => "Sérologie hépatite B",
        Exam.HepatitisCSerology => "Sérologie hépatite C",
        Exam.BloodPanel => "Bilan sanguin",
        Exam.Ecg => "ECG",
        _ => "Autre examen",
    };

    public static string Label(QualitativeResult result) => result switch
    {
        QualitativeResult.Positive => "positif",
        QualitativeResult.Negative => "négatif",
        _ => "indéterminé",
    };
}

/// <summary>What the result says: a value with its unit and reference range, a qualitative reading, a report.</summary>
public sealed record ResultValues(decimal? Value, string? Unit, string? ReferenceRange, QualitativeResult? Qualitative, string? Text);

/// <summary>The result of a <see cref="TestOrder"/>: appended once, then acknowledged once by a physician.</summary>
public sealed class TestResult
{
    private TestResult()
    {
        EnteredByName = "";
    }

    internal TestResult(Guid orderId, ResultValues values, DateOnly on, Guid by, string byName, DateTimeOffset at)
    {
        OrderId = orderId;
        Value = values.Value;
        Unit = Clean(values.Unit);
        ReferenceRange = Clean(values.ReferenceRange);
        Qualitative = values.Qualitative;
        Text = Clean(values.Text);
        ResultOn = on;
        EnteredById = by;
        EnteredByName = byName;
        EnteredAt = at;
    }

    /// <summary>One result per order: the order's id.</summary>
    public Guid OrderId { get; private set; }

    public decimal? Value { get; private set; }
    public string? Unit { get; private set; }
    public string? ReferenceRange { get; private set; }
    public QualitativeResult? Qualitative { get; private set; }
    public string? Text { get; private set; }
    public DateOnly ResultOn { get; private set; }
    public Guid EnteredById { get; private set; }
    public string EnteredByName { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public ResultAcknowledgement? Acknowledgement { get; private set; }

    public static readonly Expression<Func<TestResult, bool>> Unacknowledged = r => r.Acknowledgement == null;

    /// <summary>A result is read and taken into account by a physician, who answers for it (art. R.4127-33 CSP).</summary>
    public void Acknowledge(bool byPhysician, Guid by, string byName, DateTimeOffset at)
    {
        if (!byPhysician)
        {
            throw new DomainException("Seul un médecin peut prendre connaissance d'un résultat.");
        }
        if (Acknowledgement is not null)
        {
            throw new DomainException($"Ce résultat a déjà été vu par {Acknowledgement.ByName}.");
        }
        Acknowledgement = new ResultAcknowledgement(OrderId, by, byName, at);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Who acknowledged a result, and when: appended once.</summary>
public sealed class ResultAcknowledgement
{
    private ResultAcknowledgement()
    {
        ByName = "";
    }

    internal ResultAcknowledgement(Guid orderId, Guid by, string byName, DateTimeOffset at)
    {
        OrderId = orderId;
        ById = by;
        ByName = byName;
        At = at;
    }

    public Guid OrderId { get; private set; }
    public Guid ById { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset At { get; private set; }
}
