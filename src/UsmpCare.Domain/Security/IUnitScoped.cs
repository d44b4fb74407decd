namespace UsmpCare.Domain.Security;

/// <summary>Anything that belongs to one unit: patient data of another unit is invisible.</summary>
public interface IUnitScoped
{
    Guid UnitId { get; }
}
