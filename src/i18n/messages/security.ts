// The warning at the top of every screen when the page is not a secure
// context (plain HTTP on a network address). Shipped with the first screen:
// it is on the first screen.
export const lv = {
  'insecure.title': 'Šī adrese nav droša (HTTP): bezsaistes darbs un šifrētas rezerves kopijas nav pieejamas',
  'insecure.how': 'Atveriet Talka adresi, kas sākas ar https://. Ja tādas nav, servera uzstādītājam jāieslēdz HTTPS ar sertifikātu, kam planšetes uzticas (README, sadaļa “HTTPS”).',
  'insecure.hide': 'Paslēpt līdz nākamajai atvēršanai',
};
