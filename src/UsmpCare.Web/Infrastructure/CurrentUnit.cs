using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// The unit the user is working in, chosen with the unit switcher and kept in a cookie. A cookie naming a unit the
/// user does not belong to is ignored: the choice never widens what the user may see.
/// </summary>
public sealed class CurrentUnit(IHttpContextAccessor http, AppDbContext db)
{
    public const string CookieName = "usmp.unit";

    private IReadOnlyList<Unit>? _units;

    public async Task<IReadOnlyList<Unit>> MyUnitsAsync()
    {
        if (_units is null)
        {
            var ids = http.HttpContext?.User.UnitIds() ?? new HashSet<Guid>();
            _units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync();
        }
        return _units;
    }

    public async Task<Unit?> GetAsync()
    {
        var units = await MyUnitsAsync();
        var chosen = http.HttpContext?.Request.Cookies[CookieName];
        return units.FirstOrDefault(u => u.Id.ToString() == chosen) ?? units.FirstOrDefault();
    }

    public async Task<Guid?> IdAsync() => (await GetAsync())?.Id;
}
