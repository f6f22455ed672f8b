DROP TABLE verwijderverzoeken;
DROP TABLE platformsignalen;
DROP TABLE platform_advertenties;
DROP TABLE platform_verblijven;
