using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Audit;

/// <summary>Who changed which reservation, folio, rate or room, when, and what.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry()
    {
    }

    public AuditEntry(Guid hotelId, DateTimeOffset at, string userName, string entityType, Guid entityId, string action, string details)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        At = at;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Details = details.Length > 2000 ? details[..2000] : details;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserName { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public Guid EntityId { get; private set; }

    public string Action { get; private set; } = "";

    public string Details { get; private set; } = "";
}
