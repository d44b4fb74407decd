using UsmpCare.Domain.Continuity;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Continuity;

public sealed class ReleasePlanTests
{
    private static ReleasePlan Plan() => new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void The_pre_release_visit_is_recorded_with_who_and_when_and_may_move_from_offered_to_done()
    {
        // P31
        var plan = Plan();
        plan.RecordVisit(PreReleaseVisitStatus.Offered, "Dr A", Monday);
        plan.RecordVisit(PreReleaseVisitStatus.Done, "Dr B", Monday.AddDays(3));

        plan.Visit.Should().Be(PreReleaseVisitStatus.Done);
        plan.VisitByName.Should().Be("Dr B");
        plan.VisitAt.Should().Be(Monday.AddDays(3));
    }

    [Fact]
    public void The_pack_is_sent_only_once_it_exists()
    {
        // P14: what is sent to the designated physician is the issued pack.
        var plan = Plan();
        plan.Invoking(p => p.PackSent(Monday)).Should().Throw<DomainException>().WithMessage("*dossier de sortie*");
        plan.PackSentToDesignatedAt.Should().BeNull();

        var pack = Guid.NewGuid();
        plan.PackIssued(pack);
        plan.PackSent(Monday);

        plan.PackDocumentId.Should().Be(pack);
        plan.PackSentToDesignatedAt.Should().Be(Monday);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_release_without_the_pack_needs_a_reason(string? reason)
    {
        // P13
        var plan = Plan();

        plan.Invoking(p => p.Release(Monday, reason)).Should().Throw<DomainException>().WithMessage("*P13*");
        plan.ReleasedAt.Should().BeNull();
    }

    [Fact]
    public void A_release_without_the_pack_keeps_its_reason_and_one_with_the_pack_needs_none()
    {
        var without = Plan();
        without.Release(Monday, " Libéré à l'audience ");
        var with = Plan();
        with.PackIssued(Guid.NewGuid());
        with.Release(Monday, "ignoré");

        without.ReleasedWithoutPackReason.Should().Be("Libéré à l'audience");
        with.ReleasedAt.Should().Be(Monday);
        with.ReleasedWithoutPackReason.Should().BeNull();
    }

    [Fact]
    public void A_release_is_recorded_once()
    {
        var plan = Plan();
        plan.Release(Monday, "Libéré à l'audience");

        plan.Invoking(p => p.Release(Monday.AddDays(1), "encore")).Should().Throw<DomainException>();
        plan.ReleasedAt.Should().Be(Monday);
    }

    [Fact]
    public void An_injonction_de_soins_lacks_the_coordinating_and_the_treating_physician_until_both_are_named()
    {
        // P34
        var plan = Plan();
        plan.InjonctionGaps().Should().Equal("médecin coordonnateur désigné par le juge", "médecin traitant choisi");

        plan.NameInjonctionPhysicians("Dr Coordonnateur", "  ");
        plan.InjonctionGaps().Should().Equal("médecin traitant choisi");
        plan.NameInjonctionPhysicians("Dr Coordonnateur", "Dr Traitant");
        plan.InjonctionGaps().Should().BeEmpty();
    }
}
