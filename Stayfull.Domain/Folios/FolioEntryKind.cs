namespace Stayfull.Domain.Folios;

public enum FolioEntryKind
{
    RoomNight = 0,
    Charge = 1,
    Payment = 2,
    Refund = 3,
}
