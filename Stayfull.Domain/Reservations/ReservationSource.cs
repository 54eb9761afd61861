namespace Stayfull.Domain.Reservations;

public enum ReservationSource
{
    FrontDesk = 0,
    GuestWeb = 1,
    Ota = 2,
}
