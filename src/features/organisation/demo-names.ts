/**
 * Name lists for the demo force. Faker's en_GB locale has no name lists of its own (it falls back to US
 * names), so the demo carries common names of England and Wales, including the South Asian, Black
 * British and Eastern European names a real force's workforce has. All records are fictional.
 */
export const femaleGivenNames = [
  'Olivia', 'Amelia', 'Isla', 'Emily', 'Sophie', 'Grace', 'Charlotte', 'Lucy', 'Hannah', 'Rebecca', 'Sarah', 'Laura',
  'Emma', 'Jessica', 'Katie', 'Rachel', 'Claire', 'Helen', 'Nicola', 'Joanne', 'Gemma', 'Kirsty', 'Natalie', 'Amy',
  'Zoe', 'Chloe', 'Megan', 'Bethan', 'Ffion', 'Siân', 'Priya', 'Aisha', 'Fatima', 'Samina', 'Nadia', 'Chiamaka',
  'Abena', 'Agnieszka', 'Kasia', 'Eleanor', 'Harriet', 'Victoria', 'Louise', 'Karen', 'Tracey', 'Dawn', 'Michelle', 'Leanne',
] as const;

export const maleGivenNames = [
  'Oliver', 'George', 'Harry', 'Jack', 'Thomas', 'James', 'William', 'Daniel', 'Matthew', 'Christopher', 'Andrew', 'David',
  'Mark', 'Paul', 'Richard', 'Stephen', 'Michael', 'Robert', 'Simon', 'Gareth', 'Rhys', 'Owen', 'Dylan', 'Callum',
  'Liam', 'Ryan', 'Adam', 'Luke', 'Samuel', 'Joseph', 'Mohammed', 'Imran', 'Arjun', 'Sanjay', 'Hassan', 'Kwame',
  'Tunde', 'Marcus', 'Piotr', 'Tomasz', 'Connor', 'Jamie', 'Lee', 'Craig', 'Darren', 'Gavin', 'Neil', 'Ian',
] as const;

export const familyNames = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson',
  'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel',
  'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King',
  'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett',
  'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
  'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson',
  'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews',
  'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens',
  'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Ahmed', 'Okafor', 'Mensah', 'Nowak', 'Kowalski', 'Sharma', 'Kaur', 'Chowdhury',
] as const;
