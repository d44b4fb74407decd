using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Followup;

public sealed class TestOrderTests
{
    private static readonly DateOnly OrderedOn = new(2026, 11, 2);
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static TestOrder Order(Exam exam = Exam.BloodPanel) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, exam, null, OrderedOn, Guid.NewGuid(), "Dr Martin", Now);

    private static TestResult Enter(TestOrder order, ResultValues values, DateOnly? on = null) =>
        order.EnterResult(values, on ?? Today, Today, Guid.NewGuid(), "Infirmière Roux", Now);

    [Fact]
    public void A_numeric_result_without_its_unit_is_refused_and_the_order_stays_pending()
    {
        var order = Order();

        var act = () => Enter(order, new ResultValues(5.4m, " ", null, null, null));

        act.Should().Throw<DomainException>().WithMessage("*unité*");
        order.Result.Should().BeNull();
        Enter(order, new ResultValues(5.4m, "mmol/L", "3,9–5,5", null, null)).Unit.Should().Be("mmol/L");
    }

    [Fact]
    public void A_result_dated_before_its_order_is_refused()
    {
        var order = Order();

        var act = () => Enter(order, new ResultValues(null, null, null, null, "Normal."), OrderedOn.AddDays(-1));

        act.Should().Throw<DomainException>().WithMessage("*avant la prescription*02/11/2026*");
        order.Result.Should().BeNull();
        Enter(order, new ResultValues(null, null, null, null, "Normal."), OrderedOn).ResultOn.Should().Be(OrderedOn);
    }

    [Fact]
    public void A_serology_needs_a_qualitative_reading()
    {
        var order = Order(Exam.HivSerology);

        var act = () => Enter(order, new ResultValues(null, null, null, null, "vu"));

        act.Should().Throw<DomainException>().WithMessage("*positive, négative ou indéterminée*");
        Enter(order, new ResultValues(null, null, null, QualitativeResult.Negative, null)).Qualitative.Should().Be(QualitativeResult.Negative);
    }

    [Fact]
    public void A_result_is_entered_once_and_acknowledged_once_by_a_physician_only()
    {
        var order = Order();
        var result = Enter(order, new ResultValues(1.1m, "g/L", null, null, null));
        var again = () => Enter(order, new ResultValues(2m, "g/L", null, null, null));
        again.Should().Throw<DomainException>().WithMessage("*déjà enregistré*");

        var byNurse = () => result.Acknowledge(byPhysician: false, Guid.NewGuid(), "Infirmière Roux", Now);
        byNurse.Should().Throw<DomainException>().WithMessage("Seul un médecin*");
        result.Acknowledgement.Should().BeNull();

        result.Acknowledge(byPhysician: true, Guid.NewGuid(), "Dr Martin", Now);
        result.Acknowledgement!.ByName.Should().Be("Dr Martin");
        var twice = () => result.Acknowledge(byPhysician: true, Guid.NewGuid(), "Dr Leroy", Now);
        twice.Should().Throw<DomainException>().WithMessage("*déjà été vu par Dr Martin*");
    }

    [Fact]
    public void An_order_without_result_past_the_delay_is_overdue()
    {
        var overdue = TestOrder.OverdueOn(Today, 14).Compile();
        var old = Order();
        var recent = new TestOrder(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, Exam.Ecg, null, Today.AddDays(-3), Guid.NewGuid(), "Dr Martin", Now);

        overdue(old).Should().BeTrue();
        overdue(recent).Should().BeFalse();
        Enter(old, new ResultValues(null, null, null, null, "Rythme sinusal."));
        overdue(old).Should().BeFalse("a result ends the wait");
        TestOrder.Pending.Compile()(old).Should().BeFalse();
    }
}
