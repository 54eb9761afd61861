namespace Stayfull.Domain.Live;

/// <summary>What changed in a hotel, so every open console of that hotel can refresh the affected part.</summary>
public sealed record HotelChange(Guid HotelId, ChangeTopic Topic, Guid? EntityId, string Summary);

public enum ChangeTopic
{
    Reservations = 0,
    Rooms = 1,
    Rates = 2,
    Folio = 3,
    Settings = 4,
}
