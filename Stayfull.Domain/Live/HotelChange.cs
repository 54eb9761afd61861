namespace Stayfull.Domain.Live;

/// <summary>
/// What changed in a hotel, so every open screen of that hotel (and every hub client joined to it) can
/// refresh the affected part. One shape for every domain event; <see cref="Topic"/> says which part.
/// </summary>
/// <param name="EntityId">The reservation, folio, room, conversation or queued work that changed, when there is one.</param>
/// <param name="Summary">A short sentence for people; never a secret, a card number or a guest's message body.</param>
/// <param name="Kind">Whether the entity is new, changed or gone, so a list can insert, update or drop one row.</param>
public sealed record HotelChange(Guid HotelId, ChangeTopic Topic, Guid? EntityId, string Summary, ChangeKind Kind = ChangeKind.Changed)
{
    public static HotelChange ReservationCreated(Guid hotelId, Guid reservationId, string summary) =>
        new(hotelId, ChangeTopic.Reservations, reservationId, summary, ChangeKind.Created);

    public static HotelChange ReservationChanged(Guid hotelId, Guid reservationId, string summary) =>
        new(hotelId, ChangeTopic.Reservations, reservationId, summary);

    public static HotelChange PaymentReceived(Guid hotelId, Guid folioId, string summary) =>
        new(hotelId, ChangeTopic.Payments, folioId, summary, ChangeKind.Created);

    public static HotelChange LockStatusChanged(Guid hotelId, Guid deviceId, string summary) =>
        new(hotelId, ChangeTopic.Locks, deviceId, summary);

    public static HotelChange MessageReceived(Guid hotelId, Guid conversationId, string summary) =>
        new(hotelId, ChangeTopic.Messages, conversationId, summary, ChangeKind.Created);

    public static HotelChange RateAlert(Guid hotelId, Guid? roomTypeId, string summary) =>
        new(hotelId, ChangeTopic.RateAlerts, roomTypeId, summary, ChangeKind.Created);

    /// <summary>A webhook or an outbound intent gave up and waits for staff to retry it.</summary>
    public static HotelChange IntegrationFailed(Guid hotelId, Guid workId, string summary) =>
        new(hotelId, ChangeTopic.IntegrationFailure, workId, summary, ChangeKind.Created);
}

/// <summary>Which part of the hotel changed; a screen watches the topics it shows.</summary>
public enum ChangeTopic
{
    /// <summary>A reservation was created, changed, cancelled, checked in or out.</summary>
    Reservations = 0,
    Rooms = 1,
    Rates = 2,
    /// <summary>A folio's charges or balance changed.</summary>
    Folio = 3,
    Settings = 4,
    /// <summary>A payment, refund or dispute arrived from the payment provider.</summary>
    Payments = 5,
    /// <summary>A door lock or thermostat reported a new status.</summary>
    Locks = 6,
    /// <summary>A guest message arrived or a sent message's delivery status changed.</summary>
    Messages = 7,
    /// <summary>A competitor's rate moved or a pricing recommendation is waiting.</summary>
    RateAlerts = 8,
    /// <summary>A webhook or an outbound call was parked as failed after its retries.</summary>
    IntegrationFailure = 9,
    /// <summary>Channel distribution changed: a push went out, a sync error arrived, an OTA booking needs attention.</summary>
    Channels = 10,
}

public enum ChangeKind
{
    Changed = 0,
    Created = 1,
    Removed = 2,
}
