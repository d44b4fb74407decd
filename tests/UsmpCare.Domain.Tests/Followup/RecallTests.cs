using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Followup;

public sealed class RecallTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Recall Make(DateOnly dueOn, string? detail = "Sérologie VIH refusée à l'entrée") =>
        Recall.ByHand(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, RecallReason.Screening, detail, dueOn, Today,
            Guid.NewGuid(), "Dr Martin", Now);

    [Fact]
    public void A_recall_by_hand_needs_a_reason_and_a_date_to_come()
    {
        ((Action)(() => Make(Today.AddDays(-1)))).Should().Throw<DomainException>().WithMessage("*à venir*");
        ((Action)(() => Make(Today.AddMonths(3), " "))).Should().Throw<DomainException>().WithMessage("*Précisez le motif*");
        Make(Today.AddMonths(3)).State.Should().Be(RecallState.Due);
    }

    [Fact]
    public void A_due_recall_is_booked_with_an_appointment_then_done_and_a_closed_one_stays_closed()
    {
        var recall = Make(Today.AddDays(10));
        Recall.DueBy(Today.AddDays(10)).Compile()(recall).Should().BeTrue();
        var appointment = Guid.NewGuid();

        recall.Book(appointment);

        recall.State.Should().Be(RecallState.Booked);
        recall.AppointmentId.Should().Be(appointment);
        Recall.DueBy(Today.AddDays(10)).Compile()(recall).Should().BeFalse("a booked recall is no longer to book");
        ((Action)(() => recall.Book(Guid.NewGuid()))).Should().Throw<DomainException>();
        recall.MarkDone(Now);
        ((Action)(() => recall.Cancel("transféré", Now))).Should().Throw<DomainException>().WithMessage("*déjà clos*");
        Recall.Open.Compile()(recall).Should().BeFalse();
    }

    [Fact]
    public void A_recall_is_cancelled_only_with_a_reason()
    {
        var recall = Make(Today.AddDays(10));

        ((Action)(() => recall.Cancel(" ", Now))).Should().Throw<DomainException>().WithMessage("*pourquoi*");
        recall.State.Should().Be(RecallState.Due);
        recall.Cancel("Libéré le 04/12", Now);
        recall.State.Should().Be(RecallState.Cancelled);
        recall.CancelReason.Should().Be("Libéré le 04/12");
    }
}
