namespace Stayfull.Domain.Tenancy;

/// <summary>A row that belongs to one hotel. The data layer filters and guards it by <see cref="HotelId"/>.</summary>
public interface ITenantOwned
{
    Guid HotelId { get; }
}
