-- The surveys page counts each survey's responses with one read of the trust's answerers. Without
-- an index that starts with the trust, that read went through every trust's answerers: on one
-- database holding 100 trusts (bench/http/hosted.sh) the page fell from 577 to 25 requests/s.
CREATE INDEX survey_answerers_trust ON survey_answerers (trust_id, survey_id);
