import EventData
